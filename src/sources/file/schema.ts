import * as z from 'zod';
import { parseDuration } from '../../core/index.ts';
import { checkGlobPattern } from './expand-glob.ts';
import { timeZoneSetting } from '../time-zone-setting.ts';

const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
const MIN_POLL_MS = 10;

const pattern = z
  .string()
  .min(1, 'must not be empty')
  .superRefine((text, context) => {
    const problem = text.includes('\0') ? 'must not contain a NUL character' : checkGlobPattern(text);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  });

const poll = z
  .string({ error: 'expected a duration like `1s` or `500ms`' })
  .default('1s')
  .transform((text, context) => {
    const ms = parseDuration(text);
    if (ms === undefined || ms < MIN_POLL_MS) {
      context.addIssue({ code: 'custom', message: 'expected a duration of at least 10ms, like `1s`' });
      return z.NEVER;
    }
    return ms;
  });

/** `sources: [{ type: file, path: /var/log/auth.log, format: sshd }]`; `poll` comes out in ms. */
export const fileSourceConfigSchema = z.strictObject({
  type: z.literal('file'),
  name: z.string().min(1).optional(),
  /** Files or patterns (`/var/log/secure*`); always a list once parsed. */
  path: z
    .union([pattern, z.array(pattern).min(1, 'name at least one file')])
    .transform((value) => (typeof value === 'string' ? [value] : value)),
  /** The parser id; the pipeline uses it, the source only passes it on. */
  format: z.string().min(1).optional(),
  timezone: timeZoneSetting,
  /** Where to start in a file never seen before (Filebeat starts at the beginning). */
  start_at: z.enum(['beginning', 'end']).default('beginning'),
  poll,
  /** Longer lines are cut to this many bytes and counted (Filebeat's `message_max_bytes`). */
  max_line_bytes: z
    .int()
    .min(64)
    .max(64 * 1024 * 1024)
    .default(DEFAULT_MAX_LINE_BYTES),
});

export const fileSourceSecretsSchema = z.strictObject({});

export type FileSourceConfig = z.output<typeof fileSourceConfigSchema>;
export type FileSourceSecrets = Record<string, never>;
