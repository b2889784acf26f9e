import { z } from 'zod';

/** Headers Klaxon sets itself; neither config nor secrets may override them. */
const RESERVED_HEADERS = new Set([
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'x-hub-signature-256',
  'content-type',
  'content-length',
  'host',
  'transfer-encoding',
  'connection',
]);

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
// CR/LF would split the header; undici rejects them too, but at send time rather than at load.
const headerValue = z.string().regex(/^[^\r\n\0]*$/, 'must not contain line breaks');
const headers = z
  .record(z.string(), headerValue)
  .superRefine((record, context) => {
    for (const name of Object.keys(record)) {
      if (!HEADER_NAME.test(name))
        context.addIssue({ code: 'custom', path: [name], message: 'is not an HTTP header name' });
      else if (RESERVED_HEADERS.has(name.toLowerCase())) {
        context.addIssue({
          code: 'custom',
          path: [name],
          message: 'is set by Klaxon and cannot be overridden',
        });
      }
    }
  })
  .default({});

const url = z
  .string()
  .refine((text) => /^https?:$/.test(parseUrl(text)?.protocol ?? ''), 'must be an http:// or https:// URL')
  .refine((text) => {
    const parsed = parseUrl(text);
    return !parsed?.username && !parsed?.password;
  }, 'must not carry a user name or password: use secret headers');

function parseUrl(text: string): URL | undefined {
  return URL.canParse(text) ? new URL(text) : undefined;
}

/** `whsec_` + base64 of 24 to 64 random bytes (the Standard Webhooks recommendation). */
const signingSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'must be whsec_ followed by base64')
  .refine((secret) => {
    const bytes = Buffer.from(secret.slice('whsec_'.length), 'base64').length;
    return bytes >= 24 && bytes <= 64;
  }, 'must decode to 24..64 bytes (generate one with: echo whsec_$(openssl rand -base64 32))');

export const webhookConfigSchema = z
  .object({
    /** The receiver. Put tokens in secret headers, not in the URL: the URL is shown in the dashboard. */
    url,
    method: z.enum(['POST', 'PUT']).default('POST'),
    /** Extra non-secret headers (`X-Team: soc`). */
    headers,
    /** Bodies above this drop evidence, then clip long texts, so the receiver always gets something. */
    max_body_bytes: z
      .number()
      .int()
      .min(4096)
      .max(10 * 1024 * 1024)
      .default(256 * 1024),
  })
  .strict();

/**
 * One or more `whsec_` keys; each signs the message, so a receiver keeps verifying while keys
 * rotate. A list, or one string with keys separated by spaces (handy in one variable).
 */
const signingSecrets = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value))
  .pipe(z.array(signingSecret).min(1).max(10));

export const webhookSecretsSchema = z
  .object({
    /**
     * One or more `whsec_` keys; each signs the message, so a receiver keeps verifying while keys
     * rotate. A list, or one string with keys separated by spaces (handy in one variable).
     */
    signing_secrets: signingSecrets.optional(),
    /** The same as `signing_secrets` with one key: `secret: ${WEBHOOK_SECRET}`. */
    secret: signingSecrets.optional(),
    /** When set, also sends GitHub-style `X-Hub-Signature-256: sha256=<hex HMAC of the body>`. */
    hub_secret: z.string().min(16).optional(),
    /** Headers that grant access (`Authorization: Bearer ...`); apart from `headers` so both can be written in klaxon.yaml. */
    secret_headers: headers,
  })
  .strict()
  .superRefine((secrets, context) => {
    if (secrets.signing_secrets === undefined && secrets.secret === undefined)
      context.addIssue({
        code: 'custom',
        path: ['signing_secrets'],
        message: 'required field is missing (or give `secret`)',
      });
    if (secrets.signing_secrets !== undefined && secrets.secret !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['secret'],
        message: 'set `secret` or `signing_secrets`, not both',
      });
  })
  .transform(({ secret, signing_secrets, ...rest }) => ({
    ...rest,
    signing_secrets: (signing_secrets ?? secret ?? []) as string[],
  }));

export type WebhookConfig = z.infer<typeof webhookConfigSchema>;
export type WebhookSecrets = z.infer<typeof webhookSecretsSchema>;
