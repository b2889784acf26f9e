import type { IncidentCooldown } from './cooldown.ts';
import type { FlapObservation } from './flapping.ts';
import { Inhibitor, type InhibitionRule } from './inhibition.ts';
import type { NoiseIncident } from './noise-incident.ts';
import type { OpenIncidents } from './open-incident-index.ts';
import { findSilence, type SilenceLike } from './silences.ts';
import type { SuppressionReason } from './suppression-reason.ts';

export type IncidentChangeKind = 'opened' | 'updated' | 'resolved';

export interface IncidentChange {
  kind: IncidentChangeKind;
  incident: NoiseIncident;
}

export interface Suppression {
  kind: 'suppressed';
  reason: SuppressionReason;
  /** `silenced`: the silence that matched. */
  silenceId?: string;
  /** `inhibited`: the serial of the open incident that mutes this one. */
  inhibitedBy?: number;
  /** `flapping`: the percent state change. */
  percent?: number;
  /** `cooldown`: when the quiet time ends (absent while the last notification is still in flight). */
  until?: number;
  /** A resolution nobody needs, as nobody was told of the opening (muted then for `reason`). */
  unannounced?: true;
}

export type FlappingNotice =
  | { kind: 'flapping-started'; percent: number }
  | { kind: 'flapping-stopped'; percent: number; suppressed: number };

/** What a stage may say; `undefined` passes the change on to the next stage. */
export type StageVerdict = Suppression | { kind: 'notify'; notice: FlappingNotice } | undefined;

export interface StageInput {
  change: IncidentChange;
  now: number;
  silences: Iterable<SilenceLike>;
  openIncidents: OpenIncidents;
  inhibitionRules: readonly InhibitionRule[];
  cooldown: IncidentCooldown;
  flap: FlapObservation;
}

export type NoiseStage = (input: StageInput) => StageVerdict;

const inhibitors = new WeakMap<readonly InhibitionRule[], Inhibitor>();

export function muteBySilence({ change, now, silences }: StageInput): StageVerdict {
  const silence = findSilence(silences, change.incident, now);
  return silence && { kind: 'suppressed', reason: 'silenced', silenceId: silence.id };
}

export function muteByInhibition({ change, openIncidents, inhibitionRules }: StageInput): StageVerdict {
  let inhibitor = inhibitors.get(inhibitionRules);
  if (inhibitor === undefined) {
    inhibitor = new Inhibitor(inhibitionRules);
    inhibitors.set(inhibitionRules, inhibitor);
  }
  const source = inhibitor.findInhibitor(change.incident, openIncidents);
  return source && { kind: 'suppressed', reason: 'inhibited', inhibitedBy: source.serial };
}

/** While the rule and group flap, one notice when it starts, one when it stops, nothing between. */
export function holdWhileFlapping({ flap }: StageInput): StageVerdict {
  const { transition, percent } = flap;
  if (transition === 'started') {
    return { kind: 'notify', notice: { kind: 'flapping-started', percent } };
  }
  if (transition === 'stopped') {
    return {
      kind: 'notify',
      notice: { kind: 'flapping-stopped', percent, suppressed: flap.suppressed ?? 0 },
    };
  }
  return flap.flapping ? { kind: 'suppressed', reason: 'flapping', percent } : undefined;
}

/**
 * Nobody was told the incident opened, so its resolution is news to no one: it stays muted for
 * the reason that muted it (say the silence ended in between). Alertmanager's dedup does the same.
 */
export function holdUnannouncedResolve({ change, cooldown }: StageInput): StageVerdict {
  if (change.kind !== 'resolved' || cooldown.handedOut > 0) return undefined;
  const reason = cooldown.lastSuppression;
  // Without a suppression either, the opening was decided before a restart: say it, to be safe.
  return reason && { kind: 'suppressed', reason, unannounced: true };
}

/** Only updates cool down: an opening is always news, and so is the resolution of a notified incident. */
export function holdInCooldown({ change, now, cooldown }: StageInput): StageVerdict {
  if (change.kind !== 'updated') return undefined;
  const hold = cooldown.holdAt(now);
  if (hold === undefined) return undefined;
  return hold.kind === 'cooling'
    ? { kind: 'suppressed', reason: 'cooldown', until: hold.until }
    : { kind: 'suppressed', reason: 'cooldown' };
}

/** In order, like Alertmanager's MultiStage: the first verdict wins. */
export const NOISE_STAGES: readonly NoiseStage[] = [
  muteBySilence,
  muteByInhibition,
  holdWhileFlapping,
  holdUnannouncedResolve,
  holdInCooldown,
];
