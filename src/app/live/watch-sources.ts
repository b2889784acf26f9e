import type { SecurityEvent } from '../../core/index.ts';
import { selfEvent } from './self-events.ts';
import type { RunningSource } from './source-runner.ts';

export interface WatchPolicy {
  /** A source failing this long is reported (default 60 s). */
  failingAfterMs: number;
  /** A source whose watermark trails the clock by more than this is lagging (default 10 min). */
  lagAfterMs: number;
}

export const DEFAULT_WATCH_POLICY: WatchPolicy = { failingAfterMs: 60_000, lagAfterMs: 600_000 };

/**
 * What Klaxon says about its own sources at one tick: a failing source, a lagging one, and
 * "this source delivered events" (the absence rule notices when that stops).
 */
export function watchSources(
  sources: readonly RunningSource[],
  now: number,
  eventTime: number,
  policy: WatchPolicy,
): SecurityEvent[] {
  const events: SecurityEvent[] = [];
  for (const running of sources) {
    const status = running.status;
    if (running.failingSince !== undefined && now - running.failingSince >= policy.failingAfterMs)
      events.push(selfEvent('source-failing', running.name, eventTime, status.message ?? 'failing'));
    const lagMs = lagOf(running, now);
    if (lagMs !== undefined && lagMs > policy.lagAfterMs)
      events.push(
        selfEvent('source-lagging', running.name, eventTime, `${Math.round(lagMs / 1000)} s behind`),
      );
    if (running.eventsSinceTick > 0) events.push(selfEvent('source-active', running.name, eventTime));
    running.eventsSinceTick = 0;
  }
  return events;
}

function lagOf(running: RunningSource, now: number): number | undefined {
  const status = running.status;
  if (status.lag?.unit === 'seconds') return status.lag.value * 1000;
  if (status.watermark !== undefined && status.state !== 'failing') return now - status.watermark;
  return undefined;
}

/**
 * How far event time may advance: to the smallest watermark over the sources (the clock minus the
 * tolerance for those without one), and not at all while a source without a watermark is still
 * reading its backlog (its events are older than the clock). Failing sources do not count.
 */
export function lowWatermark(
  sources: readonly RunningSource[],
  now: number,
  toleranceMs: number,
): number | undefined {
  let low = now - toleranceMs;
  for (const running of sources) {
    const status = running.status;
    // A source that cannot read must not stop time for the others; its own incident says why.
    if (status.state === 'failing') continue;
    if (status.watermark !== undefined) low = Math.min(low, status.watermark);
    else if (status.state === 'catching-up' || status.state === 'starting') return undefined;
  }
  return low;
}
