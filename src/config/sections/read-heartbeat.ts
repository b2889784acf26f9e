import * as z from 'zod';
import { parseDuration } from '../../core/index.ts';
import type { HeartbeatSettings } from '../klaxon-config.ts';
import { collectTexts } from '../redact-messages.ts';
import { sealSecrets } from '../seal-secrets.ts';
import type { PathIssue } from '../yaml/path-issue.ts';
import { convertZodIssues } from '../yaml/zod-issues.ts';
import { checkChannelNames } from './check-channel-names.ts';
import { checkKnownKeys } from './check-known-keys.ts';

const HEARTBEAT_KEYS = ['interval', 'channels', 'ping_url'];
const MIN_INTERVAL_MS = 60_000;

const heartbeatSchema = z
  .object({
    interval: z
      .string()
      .default('1h')
      .transform((text, context) => {
        const ms = parseDuration(text);
        if (ms === undefined || ms < MIN_INTERVAL_MS) {
          context.addIssue({
            code: 'custom',
            message: 'expected a duration of at least a minute, like `1h`',
          });
          return z.NEVER;
        }
        return ms;
      }),
    channels: z.array(z.string().min(1)).default([]),
    /** A healthchecks-style URL: it lets anyone ping as us, so it is a secret. */
    ping_url: z
      .string()
      .refine((url) => /^https?:$/.test(URL.canParse(url) ? new URL(url).protocol : ''), {
        message: 'expected an http:// or https:// URL',
      })
      .optional(),
  })
  .refine((heartbeat) => heartbeat.channels.length > 0 || heartbeat.ping_url !== undefined, {
    message: 'name `channels` to hear from, a `ping_url` to call, or both',
  });

/** `heartbeat: { interval, channels, ping_url }`: periodic "alive" messages and pings. */
export function readHeartbeat(
  value: unknown,
  channelNames: ReadonlySet<string>,
  issues: PathIssue[],
  secretTexts: string[],
): HeartbeatSettings | undefined {
  if (value === undefined || value === null) return undefined;
  const found = checkKnownKeys(value, HEARTBEAT_KEYS, ['heartbeat']);
  collectTexts((value as { ping_url?: unknown }).ping_url, secretTexts);
  const parsed = heartbeatSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    for (const issue of convertZodIssues(parsed.error.issues, { hideValues: true })) {
      found.push({ ...issue, path: ['heartbeat', ...issue.path] });
    }
  }
  found.push(
    ...checkChannelNames((value as { channels?: unknown }).channels, ['heartbeat', 'channels'], channelNames),
  );
  issues.push(...found);
  if (!parsed.success || found.length > 0) return undefined;
  const { interval, channels, ping_url } = parsed.data;
  return {
    intervalMs: interval,
    channels,
    secrets: sealSecrets(ping_url === undefined ? {} : { pingUrl: ping_url }),
  };
}
