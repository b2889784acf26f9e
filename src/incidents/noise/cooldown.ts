import type { NoiseIncident } from './noise-incident.ts';
import type { SuppressionReason } from './suppression-reason.ts';

export interface CooldownPolicy {
  /** Quiet time after a delivered notification of the incident. 0: none. */
  cooldownMs: number;
  /** Each further delivery multiplies the quiet time by this: 2 gives 10m, 20m, 40m, ... Default 1. */
  factor?: number;
  /** Cap of the growing quiet time. Default 24h. */
  maxMs?: number;
  /**
   * A notification handed out but neither reported delivered nor failed holds back the next one
   * (it would only queue behind it); past this age it stops doing so. Default 1h.
   */
  pendingLimitMs?: number;
}

/** Why the incident may not notify now: still in flight, or cooling down until `until`. */
export type CooldownHold = { kind: 'pending'; since: number } | { kind: 'cooling'; until: number };

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The cooldown of one incident. The quiet time starts when a notification is reported delivered,
 * never when it is handed out, so a failed delivery does not silence the next attempt. Signals
 * suppressed meanwhile are counted and handed to the next notification ("+37 since the last").
 */
export class IncidentCooldown {
  private lengthMs = 0;
  private deliveries = 0;
  private deliveredAt: number | undefined;
  private pendingSince: number | undefined;
  private suppressedCount = 0;
  private handedOutCount = 0;
  private lastReason: SuppressionReason | undefined;

  constructor(private readonly policy: CooldownPolicy) {}

  /** Undefined when a notification may go out at `now`. */
  holdAt(now: number): CooldownHold | undefined {
    if (this.pendingSince !== undefined) {
      if (now - this.pendingSince < (this.policy.pendingLimitMs ?? HOUR_MS)) {
        return { kind: 'pending', since: this.pendingSince };
      }
    }
    if (this.deliveredAt !== undefined && now - this.deliveredAt < this.lengthMs) {
      return { kind: 'cooling', until: this.deliveredAt + this.lengthMs };
    }
    return undefined;
  }

  /** Counts one suppressed signal of the incident, whatever suppressed it. */
  recordSuppressed(reason: SuppressionReason): void {
    this.suppressedCount += 1;
    this.lastReason = reason;
  }

  /** A notification goes out: returns how many signals were suppressed since the previous one. */
  handOut(now: number): number {
    const suppressed = this.suppressedCount;
    this.suppressedCount = 0;
    this.handedOutCount += 1;
    this.pendingSince = now;
    return suppressed;
  }

  /** The caller reports a delivery: the quiet time starts now, longer with each delivery when exponential. */
  recordDelivered(now: number): void {
    this.pendingSince = undefined;
    this.deliveries += 1;
    this.lengthMs = this.deliveries === 1 ? this.policy.cooldownMs : this.grow(this.lengthMs);
    this.deliveredAt = this.deliveredAt === undefined ? now : Math.max(this.deliveredAt, now);
  }

  /** The caller reports that the notification will not be delivered: the next one may go at once. */
  recordFailed(): void {
    this.pendingSince = undefined;
  }

  get suppressed(): number {
    return this.suppressedCount;
  }

  /** Notifications handed out so far; 0 means nobody has heard of the incident. */
  get handedOut(): number {
    return this.handedOutCount;
  }

  /** The reason of the latest suppression, if any. */
  get lastSuppression(): SuppressionReason | undefined {
    return this.lastReason;
  }

  /** The quiet time the last delivery started (0 before any). */
  get currentLengthMs(): number {
    return this.lengthMs;
  }

  private grow(previousMs: number): number {
    const factor = this.policy.factor ?? 1;
    if (factor === 1) return previousMs;
    return Math.min(previousMs * factor, this.policy.maxMs ?? DAY_MS);
  }
}

/** The cooldowns of the incidents in flight, by episode; the policy comes from the incident's rule. */
export class Cooldowns {
  private readonly byEpisode = new Map<string, IncidentCooldown>();

  constructor(private readonly policyOf: (ruleId: string) => CooldownPolicy) {}

  /** The incident's cooldown, created on first use. */
  of(incident: Pick<NoiseIncident, 'episodeId' | 'ruleId'>): IncidentCooldown {
    let cooldown = this.byEpisode.get(incident.episodeId);
    if (cooldown === undefined) {
      cooldown = new IncidentCooldown(this.policyOf(incident.ruleId));
      this.byEpisode.set(incident.episodeId, cooldown);
    }
    return cooldown;
  }

  get(episodeId: string): IncidentCooldown | undefined {
    return this.byEpisode.get(episodeId);
  }

  /** A notification of the episode was delivered; unknown episodes (already forgotten) are ignored. */
  recordDelivered(episodeId: string, now: number): void {
    this.byEpisode.get(episodeId)?.recordDelivered(now);
  }

  /** A notification of the episode went to the dead letters: the next one need not wait for it. */
  recordFailed(episodeId: string): void {
    this.byEpisode.get(episodeId)?.recordFailed();
  }

  forget(episodeId: string): void {
    this.byEpisode.delete(episodeId);
  }

  get size(): number {
    return this.byEpisode.size;
  }
}
