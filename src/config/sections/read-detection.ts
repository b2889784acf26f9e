import { parseDuration } from '../../core/index.ts';
import type { DetectionSettings } from '../klaxon-config.ts';
import type { PathIssue } from '../yaml/path-issue.ts';
import { checkKnownKeys } from './check-known-keys.ts';

export const DEFAULT_DETECTION: DetectionSettings = { toleranceMs: 2_000, maxFutureMs: 300_000 };

const HOUR_MS = 3_600_000;

/** `detection: { reorder_tolerance: 2s, max_future_skew: 5m }`. */
export function readDetection(value: unknown, issues: PathIssue[]): DetectionSettings {
  const detection = { ...DEFAULT_DETECTION };
  if (value === undefined || value === null) return detection;
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ path: ['detection'], message: 'expected a map like `{ reorder_tolerance: 2s }`' });
    return detection;
  }
  const map = value as Record<string, unknown>;
  issues.push(...checkKnownKeys(value, ['reorder_tolerance', 'max_future_skew'], ['detection']));
  const tolerance = readMs(map, 'reorder_tolerance', { min: 0, max: HOUR_MS, example: '2s' }, issues);
  if (tolerance !== undefined) detection.toleranceMs = tolerance;
  const skew = readMs(map, 'max_future_skew', { min: 0, max: 24 * HOUR_MS, example: '5m' }, issues);
  if (skew !== undefined) detection.maxFutureMs = skew;
  return detection;
}

function readMs(
  map: Record<string, unknown>,
  key: string,
  range: { min: number; max: number; example: string },
  issues: PathIssue[],
): number | undefined {
  const raw = map[key];
  if (raw === undefined) return undefined;
  const ms = typeof raw === 'string' ? parseDuration(raw) : undefined;
  if (ms !== undefined && ms >= range.min && ms <= range.max) return ms;
  issues.push({
    path: ['detection', key],
    message: `expected a duration from 0s to ${range.max === HOUR_MS ? '1h' : '24h'}, like \`${range.example}\``,
  });
  return undefined;
}
