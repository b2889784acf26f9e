import { z } from 'zod';

export const TWILIO_DEFAULT_BASE_URL = 'https://api.twilio.com';

/** E.164 (`+14155550100`), a short code (`88000`) or an alphanumeric sender id (`Klaxon`). */
const sender = z
  .string()
  .regex(
    /^(\+[1-9]\d{1,14}|\d{3,8}|(?=[A-Za-z0-9 ]*[A-Za-z])[A-Za-z0-9 ]{1,11})$/,
    'from must be an E.164 number, a short code or an alphanumeric sender id',
  );

export const smsConfigSchema = z
  .object({
    /** The Twilio account (`AC` + 32 hex): it names the account in the URL; the auth token is the secret. */
    account_sid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'account_sid must be AC followed by 32 hex digits'),
    /** One recipient per channel: a retry must never text someone twice because another number failed. */
    to: z.e164({ message: 'to must be an E.164 number such as +14155550100' }),
    from: sender.optional(),
    /** A Messaging Service (`MG` + 32 hex) instead of `from`: Twilio then picks the sender. */
    messaging_service_sid: z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/, 'messaging_service_sid must be MG followed by 32 hex digits')
      .optional(),
    base_url: z
      .url({ protocol: /^https?$/, message: 'base_url must be an http:// or https:// URL' })
      .refine((url) => !/[?#]/.test(url), 'base_url must not carry a query or fragment')
      .default(TWILIO_DEFAULT_BASE_URL),
  })
  .strict()
  .refine((config) => (config.from === undefined) !== (config.messaging_service_sid === undefined), {
    message: 'set exactly one of from and messaging_service_sid',
  });

export const smsSecretsSchema = z
  .object({
    auth_token: z
      .string()
      .regex(/^[0-9a-fA-F]{32}$/, 'auth_token must be the 32-hex-digit Twilio auth token'),
  })
  .strict();

export type SmsConfig = z.infer<typeof smsConfigSchema>;
export type SmsSecrets = z.infer<typeof smsSecretsSchema>;
