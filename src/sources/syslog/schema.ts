import { z } from 'zod';
import { parseListenAddress } from './listen-address.ts';
import { timeZoneSetting } from '../time-zone-setting.ts';

export const syslogSourceConfigSchema = z
  .object({
    type: z.literal('syslog'),
    name: z.string().min(1).optional(),
    /** `udp://127.0.0.1:5514`, `tcp://0.0.0.0:5514`, `udp://[::1]:5514`. */
    listen: z
      .string()
      .refine(
        (text) => parseListenAddress(text) !== undefined,
        'expected udp://HOST:PORT or tcp://HOST:PORT (port 0 to 65535, IPv6 in brackets)',
      ),
    /** Parser id for the messages; the pipeline parses, the source passes it through. */
    format: z.string().min(1).default('sshd'),
    timezone: timeZoneSetting,
    /** Longer messages are cut to this many bytes (and counted). */
    max_message_bytes: z
      .number()
      .int()
      .min(256)
      .max(16 * 1024 * 1024)
      .default(65_536),
    /** TCP: connections beyond this are refused (and counted). */
    max_connections: z.number().int().min(1).max(65_536).default(256),
  })
  .strict();

export const syslogSourceSecretsSchema = z.object({}).strict();

export type SyslogSourceConfig = z.infer<typeof syslogSourceConfigSchema>;
export type SyslogSourceSecrets = z.infer<typeof syslogSourceSecretsSchema>;
