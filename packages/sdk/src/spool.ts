/**
 * Somewhere to keep serialized events the reporter would otherwise drop (queue full, Klaxon down
 * past the retries, close() out of time), so they are sent later, after a restart too.
 * `@klaxon/sdk/node` has a file-backed one (`fileSpool`).
 */
export interface EventSpool {
  /** Keeps these events (JSON texts); returns how many it could not keep (it is full). */
  save(events: readonly string[]): number;
  /** Removes and returns the oldest kept events, at most `max`; an empty array when none are left. */
  take(max: number): string[];
  /** Events kept. */
  readonly size: number;
}

/** Hands events to the spool; returns how many it could not take (all of them without a spool). */
export function spillTo(spool: EventSpool | undefined, events: readonly { json: string }[]): number {
  if (!spool || events.length === 0) return events.length;
  try {
    return spool.save(events.map((event) => event.json));
  } catch {
    return events.length;
  }
}

/** Events in the spool, 0 when there is none or it cannot be read. */
export function spooledCount(spool: EventSpool | undefined): number {
  try {
    return spool?.size ?? 0;
  } catch {
    return 0;
  }
}
