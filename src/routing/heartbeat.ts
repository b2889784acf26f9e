import { hashNotificationId, joinIdKey, type MakeNotificationId } from './notification-id.ts';
import type { PlannedNotification } from './plan-notifications.ts';

export interface HeartbeatChannel {
  channel: string;
  /** How often the channel hears that Klaxon is alive; at least a minute. */
  intervalMs: number;
}

/** What the heartbeat says, read by the caller when it ticks. */
export interface HeartbeatFacts {
  /** The newest incident serial, so a reader can tell whether they missed one. */
  lastSerial: number;
  /** Notifications on any channel that could not be delivered and were given up. */
  deadLetters: number;
}

const MIN_INTERVAL_MS = 60_000;

/**
 * The first multiple of `intervalMs` since the epoch strictly after `after`: hourly heartbeats
 * come on the hour and daily ones at 00:00 UTC, whenever Klaxon started, so a restart neither
 * shifts nor repeats them.
 */
export function nextHeartbeatAt(after: number, intervalMs: number): number {
  return Math.floor(after / intervalMs) * intervalMs + intervalMs;
}

/**
 * Per channel, a periodic "Klaxon is alive" notification with the last serial and the number of
 * dead letters, so that silence itself is noticed. After downtime, one heartbeat goes out for
 * all the missed ones.
 */
export class HeartbeatSchedule {
  private readonly dueAt = new Map<string, number>();
  private readonly makeId: MakeNotificationId;

  constructor(
    private readonly channels: readonly HeartbeatChannel[],
    start: number,
    options: { makeId?: MakeNotificationId } = {},
  ) {
    this.makeId = options.makeId ?? hashNotificationId;
    for (const { channel, intervalMs } of channels) {
      if (!(intervalMs >= MIN_INTERVAL_MS)) {
        throw new RangeError(
          `heartbeat interval of ${channel} must be at least a minute, got ${intervalMs} ms`,
        );
      }
      this.dueAt.set(channel, nextHeartbeatAt(start, intervalMs));
    }
  }

  tick(now: number, facts: HeartbeatFacts): PlannedNotification[] {
    const due: PlannedNotification[] = [];
    for (const { channel, intervalMs } of this.channels) {
      const dueAt = this.dueAt.get(channel) as number;
      if (dueAt > now) continue;
      this.dueAt.set(channel, nextHeartbeatAt(now, intervalMs));
      due.push({
        id: this.makeId(joinIdKey(['heartbeat', channel, dueAt])),
        kind: 'heartbeat',
        channel,
        detail: 'full',
        heartbeat: { lastSerial: facts.lastSerial, deadLetters: facts.deadLetters },
        createdAt: now,
      });
    }
    return due;
  }

  /** When the next heartbeat is due, for the caller's timer. */
  nextDueAt(): number | undefined {
    let next: number | undefined;
    for (const at of this.dueAt.values()) if (next === undefined || at < next) next = at;
    return next;
  }
}
