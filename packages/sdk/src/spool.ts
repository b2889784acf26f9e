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
