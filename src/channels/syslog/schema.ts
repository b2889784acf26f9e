import { hostname } from 'node:os';
import { z } from 'zod';

/** RFC 5424 facility codes by name. */
export const FACILITIES = {
  kern: 0,
  user: 1,
  mail: 2,
  daemon: 3,
  auth: 4,
  syslog: 5,
  lpr: 6,
  news: 7,
  uucp: 8,
  cron: 9,
  authpriv: 10,
  ftp: 11,
  ntp: 12,
  security: 13,
  console: 14,
  solaris_cron: 15,
  local0: 16,
  local1: 17,
  local2: 18,
  local3: 19,
  local4: 20,
  local5: 21,
  local6: 22,
  local7: 23,
} as const;

type FacilityName = keyof typeof FACILITIES;
const FACILITY_NAMES = Object.keys(FACILITIES) as [FacilityName, ...FacilityName[]];

// RFC 5424 PRINTUSASCII fields: HOSTNAME up to 255, APP-NAME up to 48.
const printable = (max: number) =>
  z
    .string()
    .regex(
      new RegExp(`^[\\x21-\\x7E]{1,${max}}$`),
      `must be 1 to ${max} printable ASCII characters, no spaces`,
    );

export const syslogConfigSchema = z
  .object({
    host: z.string().min(1).max(255),
    /** Default: 514 for udp and tcp, 6514 for tls (RFC 5425). */
    port: z.number().int().min(1).max(65_535).optional(),
    /** udp: one datagram per message (RFC 5426); tcp and tls: octet-counting framing (RFC 6587, 5425). */
    transport: z.enum(['udp', 'tcp', 'tls']).default('udp'),
    format: z.enum(['json', 'cef']).default('json'),
    /** local4 by default: auth/authpriv would land in the auth.log that Klaxon itself may read. */
    facility: z.enum(FACILITY_NAMES).default('local4'),
    /** HOSTNAME in each message; default: this machine's name. */
    hostname: printable(255).default(
      () =>
        hostname()
          .replace(/[^\x21-\x7E]/g, '-')
          .slice(0, 255) || 'klaxon',
    ),
    app_name: printable(48).default('klaxon'),
    /** Largest message sent, framing excluded; longer ones lose detail (then bytes) to fit. Default: 2048 for udp, 8192 otherwise. */
    max_bytes: z.number().int().min(480).max(65_000).optional(),
    /** tls: PEM file of the CA that signed the collector's certificate. */
    ca_file: z.string().min(1).optional(),
    tls_reject_unauthorized: z.boolean().default(true),
    timeout_ms: z.number().int().min(100).max(300_000).default(10_000),
  })
  .strict();

export const syslogSecretsSchema = z.object({}).strict();

export type SyslogConfig = z.infer<typeof syslogConfigSchema>;
export type SyslogSecrets = z.infer<typeof syslogSecretsSchema>;

export function effectiveMaxBytes(config: SyslogConfig): number {
  return config.max_bytes ?? (config.transport === 'udp' ? 2048 : 8192);
}

export function effectivePort(config: SyslogConfig): number {
  return config.port ?? (config.transport === 'tls' ? 6514 : 514);
}
