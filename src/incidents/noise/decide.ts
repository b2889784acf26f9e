import type { Cooldowns } from './cooldown.ts';
import type { Flapping } from './flapping.ts';
import type { InhibitionRule } from './inhibition.ts';
import { keyOfRuleGroup } from './noise-incident.ts';
import {
  NOISE_STAGES,
  type FlappingNotice,
  type IncidentChange,
  type IncidentChangeKind,
  type StageInput,
  type Suppression,
} from './noise-stages.ts';
import type { OpenIncidents } from './open-incident-index.ts';
import type { SilenceLike } from './silences.ts';

export interface NoiseContext {
  now: number;
  /** Silences to check (inactive ones are skipped, so all of them will do). */
  silences: Iterable<SilenceLike>;
  /** The open incidents, for inhibition: an `OpenIncidentIndex` spares scanning them all. */
  openIncidents: OpenIncidents;
  inhibitionRules: readonly InhibitionRule[];
  cooldowns: Cooldowns;
  flapping: Flapping;
}

export interface Notify {
  kind: 'notify';
  change: IncidentChangeKind;
  /** Signals of this incident suppressed since its previous notification ("+37 since the last message"). */
  suppressedSince: number;
  /** Set when the message is the flapping notice of the incident's rule and group. */
  notice?: FlappingNotice;
}

export type NoiseDecision = Notify | Suppression;

/**
 * Runs one incident change through the noise stages in order (silence, inhibition, flapping,
 * cooldown) and says whether it notifies. Flap history and suppression counts are kept whatever
 * the verdict; the caller counts every suppression by its reason and reports deliveries to
 * `cooldowns.recordDelivered(episodeId, now)`.
 */
export function decideNotification(change: IncidentChange, context: NoiseContext): NoiseDecision {
  const { incident } = change;
  const flapKey = keyOfRuleGroup(incident);
  const cooldown = context.cooldowns.of(incident);
  const input: StageInput = {
    change,
    now: context.now,
    silences: context.silences,
    openIncidents: context.openIncidents,
    inhibitionRules: context.inhibitionRules,
    cooldown,
    flap: context.flapping.observe(flapKey, change.kind === 'resolved' ? 'ok' : 'problem', context.now),
  };
  let decision: NoiseDecision | undefined;
  for (const stage of NOISE_STAGES) {
    const verdict = stage(input);
    if (verdict === undefined) continue;
    decision =
      verdict.kind === 'suppressed'
        ? verdict
        : { kind: 'notify', change: change.kind, suppressedSince: 0, notice: verdict.notice };
    break;
  }
  decision ??= { kind: 'notify', change: change.kind, suppressedSince: 0 };
  if (decision.kind === 'suppressed') {
    cooldown.recordSuppressed(decision.reason);
    if (decision.reason === 'flapping') context.flapping.recordSuppressed(flapKey);
  } else {
    const heldBack = cooldown.handOut(context.now);
    // Flapping spans several episodes of the rule and group; the notice counts them all.
    const flapped = decision.notice?.kind === 'flapping-stopped' ? decision.notice.suppressed : 0;
    decision.suppressedSince = Math.max(heldBack, flapped);
  }
  if (change.kind === 'resolved') context.cooldowns.forget(incident.episodeId);
  return decision;
}
