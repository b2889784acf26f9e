import { parseDuration } from '../../core/index.ts';
import type { DetectionSettings } from '../klaxon-config.ts';
import type { PathIssue } from '../yaml/path-issue.ts';
import { checkKnownKeys } from './check-known-keys.ts';

export const DEFAULT_DETECTION: DetectionSettings = { toleranceMs: 2_000 };

/** `detection: { reorder_tolerance: 2s }`. */
export function readDetection(value: unknown, issues: PathIssue[]): DetectionSettings {
  const detection = { ...DEFAULT_DETECTION };
  if (value === undefined || value === null) return detection;
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ path: ['detection'], message: 'expected a map like `{ reorder_tolerance: 2s }`' });
    return detection;
  }
  issues.push(...checkKnownKeys(value, ['reorder_tolerance'], ['detection']));
  const tolerance = (value as Record<string, unknown>)['reorder_tolerance'];
  if (tolerance !== undefined) {
    const ms = typeof tolerance === 'string' ? parseDuration(tolerance) : undefined;
    if (ms !== undefined && ms >= 0 && ms <= 3_600_000) detection.toleranceMs = ms;
    else
      issues.push({
        path: ['detection', 'reorder_tolerance'],
        message: 'expected a duration from 0s to 1h, like `2s`',
      });
  }
  return detection;
}
