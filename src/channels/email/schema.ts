import { z } from 'zod';
import { isAddress, parseMailbox } from './mailbox.ts';
import { parseSmtpUrl } from './smtp-url.ts';

const address = z.string().refine(isAddress, 'must be an e-mail address such as soc@example.com');

export const emailConfigSchema = z
  .object({
    /** `klaxon@example.com` or `Klaxon <klaxon@example.com>`. */
    from: z
      .string()
      .refine((text) => parseMailbox(text) !== undefined, 'must be an address or "Name <address>"'),
    to: z.array(address).min(1).max(100),
    /**
     * `smtp://` normally requires STARTTLS; true lets a local relay on port 25 take the message
     * in plain text when it offers no STARTTLS (credentials then travel unencrypted too).
     */
    allow_plain: z.boolean().default(false),
    /** PEM file with the CA that signed the server's certificate (a private CA). */
    ca_file: z.string().min(1).optional(),
    /** false accepts any certificate: only for a lab relay. */
    tls_reject_unauthorized: z.boolean().default(true),
    /**
     * Recipient address → armored OpenPGP public key, or the path of a file holding one. When
     * set, every recipient must have a key: each gets a PGP/MIME message encrypted to their key
     * alone, under the neutral subject "Klaxon notification #42".
     */
    pgp_public_keys: z.record(address, z.string().min(1)).optional(),
    /** Connection, greeting and per-command inactivity limit. */
    timeout_ms: z.number().int().min(100).max(300_000).default(30_000),
  })
  .strict()
  .superRefine((config, context) => {
    if (!config.pgp_public_keys) return;
    const keyed = new Set(Object.keys(config.pgp_public_keys).map((key) => key.toLowerCase()));
    config.to.forEach((recipient, index) => {
      if (!keyed.has(recipient.toLowerCase())) {
        context.addIssue({
          code: 'custom',
          path: ['to', index],
          message: `${recipient} has no key in pgp_public_keys; it would receive the message unencrypted`,
        });
      }
    });
  });

export const emailSecretsSchema = z
  .object({
    /** `smtps://user:pass@host:465` or `smtp://user:pass@host:587`: it holds the password. */
    smtp_url: z
      .string()
      .refine(
        (text) => parseSmtpUrl(text) !== undefined,
        'must be smtps://user:password@host:465 or smtp://user:password@host:587 (percent-encode special characters)',
      ),
  })
  .strict();

export type EmailConfig = z.infer<typeof emailConfigSchema>;
export type EmailSecrets = z.infer<typeof emailSecretsSchema>;
