import type { Incident } from '../core/index.ts';
import type { StoreOperations } from '../store/index.ts';
import type { CooldownPolicy, InhibitionRule, SuppressionReason } from './noise/index.ts';
import {
  Cooldowns,
  DEFAULT_INHIBITION_RULES,
  Flapping,
  OpenIncidentIndex,
  decideNotification,
} from './noise/index.ts';
import type { IncidentChange } from './recorder.ts';

/** A change noise control let through, as routing takes it. */
export interface PassedChange {
  kind: 'opened' | 'updated' | 'resolved' | 'flapping-started' | 'flapping-stopped';
  incident: Incident;
  /** Changes of this incident held back since its previous notification. */
  suppressedSince: number;
  /** Event time of the change. */
  at: number;
}

export interface NoiseTally {
  /** Changes that would go out as a notification. */
  notified: number;
  /** Changes held back, by reason. */
  suppressed: Partial<Record<SuppressionReason, number>>;
}

/**
 * Runs each incident change through noise control (silences from the store, inhibition,
 * flapping, cooldown) on event time, and counts every suppression in the store with its
 * reason, in the caller's transaction. Until delivery exists, a notification counts as
 * delivered the moment it is decided, which starts its cooldown.
 */
export class NoiseStage {
  private readonly open = new OpenIncidentIndex();
  private readonly cooldowns: Cooldowns;
  private readonly flapping = new Flapping();
  readonly tally: NoiseTally = { notified: 0, suppressed: {} };

  /**
   * `deliveredOnDecision`: with no delivery stage behind it (a replay that only counts), a change
   * let through counts as delivered at once; otherwise call `recordDelivered` when it was.
   */
  constructor(
    cooldownOf: (ruleId: string) => CooldownPolicy,
    private readonly options: {
      deliveredOnDecision: boolean;
      inhibitionRules?: readonly InhibitionRule[];
    } = {
      deliveredOnDecision: true,
    },
  ) {
    this.cooldowns = new Cooldowns(cooldownOf);
  }

  /** A notification about the incident of `episodeId` reached a channel: its cooldown starts. */
  recordDelivered(episodeId: string, at: number): void {
    this.cooldowns.recordDelivered(episodeId, at);
  }

  /**
   * After a restart: the incident's latest notification was delivered at `at` (the outbox says
   * so), so its cooldown runs on as if this process had delivered it.
   */
  restoreDelivered(incident: Incident, at: number): void {
    this.open.apply(incident);
    this.cooldowns.of(incident).recordDelivered(at);
  }

  /** A notification about the incident of `episodeId` went to the dead letters: the next may go at once. */
  recordFailed(episodeId: string): void {
    this.cooldowns.recordFailed(episodeId);
  }

  /** Decides every change, counts suppressions in `tx`, and returns the changes to notify about. */
  async apply(changes: readonly IncidentChange[], tx: StoreOperations): Promise<PassedChange[]> {
    const passed: PassedChange[] = [];
    if (changes.length === 0) return passed;
    const silences = await tx.silences.list();
    const counts = new Map<string, number>();
    for (const { kind, incident } of changes) {
      const now = kind === 'resolved' ? (incident.resolvedAt ?? incident.lastSeen) : incident.lastSeen;
      this.open.apply(incident);
      const decision = decideNotification(
        { kind, incident },
        {
          now,
          silences,
          openIncidents: this.open,
          inhibitionRules: this.options.inhibitionRules ?? DEFAULT_INHIBITION_RULES,
          cooldowns: this.cooldowns,
          flapping: this.flapping,
        },
      );
      if (decision.kind === 'suppressed') {
        this.tally.suppressed[decision.reason] = (this.tally.suppressed[decision.reason] ?? 0) + 1;
        const key = `${incident.ruleId}\u0000${decision.reason}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      } else {
        this.tally.notified++;
        passed.push({
          kind: decision.notice?.kind ?? kind,
          incident,
          suppressedSince: decision.suppressedSince,
          at: now,
        });
        if (this.options.deliveredOnDecision && kind !== 'resolved')
          this.cooldowns.recordDelivered(incident.episodeId, now);
      }
    }
    for (const [key, count] of counts) {
      const [ruleId, reason] = key.split('\u0000') as [string, string];
      await tx.suppressions.add(ruleId, reason, count);
    }
    return passed;
  }
}
