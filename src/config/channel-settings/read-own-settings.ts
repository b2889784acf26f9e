import { parseDuration } from '../../core/index.ts';
import { CHANNEL_DETAILS } from '../klaxon-config.ts';
import type { ChannelDetail, ChannelRateLimit } from '../klaxon-config.ts';
import { formatSuggestion } from '../suggest.ts';
import type { NodePath } from '../yaml/locate.ts';
import type { PathIssue } from '../yaml/path-issue.ts';

export interface OwnSettings {
  /** Absent when the channel does not set it: the route's `detail` then applies. */
  detail?: ChannelDetail;
  rateLimits?: ChannelRateLimit[];
}

const RATE = /^(\d{1,9})\s*\/\s*(\S{1,20})$/;
const RATE_HINT = 'expected a rate like `20/1m` or `1/s`, or a list of them';

/** Klaxon's own per-channel settings: `detail` (unset: the route decides) and `rate_limit`. */
export function readOwnSettings(
  own: Readonly<Record<string, unknown>>,
  at: NodePath,
  issues: PathIssue[],
): OwnSettings {
  const settings: OwnSettings = {};
  const detail = own['detail'];
  if (detail !== undefined) {
    if (CHANNEL_DETAILS.includes(detail as ChannelDetail)) settings.detail = detail as ChannelDetail;
    else {
      const hint = typeof detail === 'string' ? formatSuggestion(detail, CHANNEL_DETAILS) : '';
      issues.push({ path: [...at, 'detail'], message: `expected \`full\` or \`link\`${hint}` });
    }
  }
  const rate = own['rate_limit'];
  if (rate !== undefined) {
    const rates = Array.isArray(rate) ? rate : [rate];
    const limits: ChannelRateLimit[] = [];
    rates.forEach((text, index) => {
      const limit = parseRateLimit(text);
      const path = Array.isArray(rate) ? [...at, 'rate_limit', index] : [...at, 'rate_limit'];
      if (limit) limits.push(limit);
      else issues.push({ path, message: RATE_HINT });
    });
    if (rates.length === 0) issues.push({ path: [...at, 'rate_limit'], message: RATE_HINT });
    settings.rateLimits = limits;
  }
  return settings;
}

/** `20/1m` → 20 per 60 000 ms; `1/s` → 1 per 1 000 ms. */
export function parseRateLimit(text: unknown): ChannelRateLimit | undefined {
  if (typeof text !== 'string') return undefined;
  const match = RATE.exec(text.trim());
  if (!match) return undefined;
  const count = Number(match[1]);
  const span = match[2] as string;
  const perMs = parseDuration(/^\d/.test(span) ? span : `1${span}`);
  return count > 0 && perMs !== undefined && perMs > 0 ? { count, perMs } : undefined;
}
