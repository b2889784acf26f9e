/** `[minuteStartMs, events]`, oldest first: an incident's matching events per minute of event time. */
export type MinuteCount = [number, number];

export const MINUTE_MS = 60_000;
/** A day of minutes; older minutes fold into the oldest one kept, so the total stays the count. */
export const MAX_MINUTES = 1440;

/** Adds `events` to the minute holding `at`, keeping the list sorted and at most `max` long. */
export function addToMinute(
  minutes: readonly MinuteCount[],
  at: number,
  events: number,
  max = MAX_MINUTES,
): MinuteCount[] {
  if (events <= 0) return minutes.map(([m, n]) => [m, n]);
  const start = Math.floor(at / MINUTE_MS) * MINUTE_MS;
  const next = minutes.map(([m, n]): MinuteCount => [m, n]);
  const index = next.findIndex(([m]) => m >= start);
  if (index === -1) next.push([start, events]);
  else if (next[index]![0] === start) next[index]![1] += events;
  else next.splice(index, 0, [start, events]);
  return capMinutes(next, max);
}

/**
 * Adds one event at `at` to the list in place. Copies of the list (an episode's detections) made by
 * `shareMinutes` share its pairs but the last: the last pair is changed in place (most events fall
 * in the newest minute, a new pair for each was garbage per event), any other is replaced rather
 * than changed. Events mostly come in time order: the last minute is tried first.
 */
export function countInMinute(minutes: MinuteCount[], at: number, max = MAX_MINUTES): void {
  const start = Math.floor(at / MINUTE_MS) * MINUTE_MS;
  let index = minutes.length;
  while (index > 0 && (minutes[index - 1] as MinuteCount)[0] > start) index--;
  const before = minutes[index - 1];
  if (before !== undefined && before[0] === start) {
    if (index === minutes.length) before[1]++;
    else minutes[index - 1] = [start, before[1] + 1];
  } else minutes.splice(index, 0, [start, 1]);
  // One minute at most was added: fold the oldest into the next (as capMinutes does).
  while (minutes.length > max) {
    const [, dropped] = minutes.shift() as MinuteCount;
    const [first, events] = minutes[0] as MinuteCount;
    minutes[0] = [first, events + dropped];
  }
}

/** A copy of a list countInMinute keeps counting in: its pairs shared, but for the last (see there). */
export function shareMinutes(minutes: readonly MinuteCount[]): MinuteCount[] {
  const copy = minutes.slice();
  const last = copy[copy.length - 1];
  if (last !== undefined) copy[copy.length - 1] = [last[0], last[1]];
  return copy;
}

/**
 * Folds the oldest minutes into the oldest one kept until at most `max` remain. The pairs are not
 * changed (the one folded into is replaced): a list may share them with another.
 */
export function capMinutes(minutes: MinuteCount[], max = MAX_MINUTES): MinuteCount[] {
  if (minutes.length <= max) return minutes;
  const dropped = minutes.slice(0, minutes.length - max);
  const kept = minutes.slice(minutes.length - max);
  const [first, events] = kept[0] as MinuteCount;
  kept[0] = [first, events + dropped.reduce((sum, [, n]) => sum + n, 0)];
  return kept;
}

/**
 * Spreads `events` evenly over the minutes from `from` to `to` (an approximation: the engine
 * reports only counts, not when each event came; remainders go to the earliest minutes).
 */
export function spreadOverMinutes(
  minutes: readonly MinuteCount[],
  from: number,
  to: number,
  events: number,
  max = MAX_MINUTES,
): MinuteCount[] {
  const last = Math.floor(Math.max(from, to) / MINUTE_MS);
  const first = Math.max(Math.floor(Math.min(from, to) / MINUTE_MS), last - max + 1);
  const span = last - first + 1;
  if (!(events > 0) || !(span > 0)) return minutes.map(([m, n]): MinuteCount => [m, n]);
  if (!isIncreasing(minutes)) return spreadMinuteByMinute(minutes, first, span, events, max);
  // The shares merged into the list in one pass, then capped once: what adding them one minute
  // at a time (addToMinute, each capped) gives, without a copy of the list per minute.
  const merged: MinuteCount[] = [];
  let at = 0;
  for (let i = 0; i < span; i++) {
    const share = Math.floor(events / span) + (i < events % span ? 1 : 0);
    if (!(share > 0)) continue;
    const start = (first + i) * MINUTE_MS;
    while (at < minutes.length && (minutes[at] as MinuteCount)[0] < start) {
      const [m, n] = minutes[at++] as MinuteCount;
      merged.push([m, n]);
    }
    const same = at < minutes.length && (minutes[at] as MinuteCount)[0] === start;
    merged.push([start, same ? (minutes[at++] as MinuteCount)[1] + share : share]);
  }
  while (at < minutes.length) {
    const [m, n] = minutes[at++] as MinuteCount;
    merged.push([m, n]);
  }
  return capMinutes(merged, max);
}

function isIncreasing(minutes: readonly MinuteCount[]): boolean {
  for (let i = 1; i < minutes.length; i++)
    if (!((minutes[i - 1] as MinuteCount)[0] < (minutes[i] as MinuteCount)[0])) return false;
  return true;
}

/** spreadOverMinutes for a list out of order (none is written so): one addToMinute per minute. */
function spreadMinuteByMinute(
  minutes: readonly MinuteCount[],
  first: number,
  span: number,
  events: number,
  max: number,
): MinuteCount[] {
  let result = minutes.map(([m, n]): MinuteCount => [m, n]);
  for (let i = 0; i < span; i++) {
    const share = Math.floor(events / span) + (i < events % span ? 1 : 0);
    result = addToMinute(result, (first + i) * MINUTE_MS, share, max);
  }
  return result;
}

/**
 * Two lists' events together, minute by minute (an incident's earlier bursts and the engine's
 * minutes of its current one), capped as capMinutes caps. A minute of one list only is its pair,
 * shared (pairs are replaced, never changed, but for the last of an engine's own list, which no
 * detection holds: see shareMinutes). An incident that goes on over many bursts holds up to a day of
 * minutes, merged at each burst: a new pair for each of them was most of a replay's last
 * checkpoint's garbage that outlived the young generation.
 */
export function addMinutes(
  a: readonly MinuteCount[],
  b: readonly MinuteCount[],
  max = MAX_MINUTES,
): MinuteCount[] {
  if (!isIncreasing(a) || !isIncreasing(b)) {
    const copy = a.map(([m, n]): MinuteCount => [m, n]);
    return b.reduce((sum, [minute, events]) => addToMinute(sum, minute, events, max), capMinutes(copy, max));
  }
  const merged: MinuteCount[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x[0] < y[0])) {
      merged.push(x as MinuteCount);
      i++;
    } else if (x === undefined || y[0] < x[0]) {
      merged.push(y);
      j++;
    } else {
      merged.push([x[0], x[1] + y[1]]);
      i++;
      j++;
    }
  }
  return capMinutes(merged, max);
}

/**
 * The minutes after an engine update: the events the count grew by since the minutes were last
 * written go to the minute of `lastSeen` (spread from `spreadFrom` when given, e.g. a new burst).
 * Without minutes yet (an incident from before they were kept) the whole count spreads over
 * first..last seen. A count that went down (none expected) leaves the minutes as they are.
 */
export function minutesAfterUpdate(
  minutes: readonly MinuteCount[] | undefined,
  update: { count: number; firstSeen: number; lastSeen: number; spreadFrom?: number },
): MinuteCount[] {
  if (minutes === undefined) return spreadOverMinutes([], update.firstSeen, update.lastSeen, update.count);
  const delta = update.count - minutes.reduce((sum, [, n]) => sum + n, 0);
  if (update.spreadFrom !== undefined)
    return spreadOverMinutes(minutes, update.spreadFrom, update.lastSeen, delta);
  return addToMinute(minutes, update.lastSeen, delta);
}
