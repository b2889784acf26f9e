export type { NoiseIncident } from './noise-incident.ts';
export { keyOfRuleGroup } from './noise-incident.ts';
export type { CooldownPolicy, CooldownHold } from './cooldown.ts';
export { IncidentCooldown, Cooldowns } from './cooldown.ts';
export type { GroupingOptions, GroupNotification, GroupedIncident, GroupSnapshot } from './grouping.ts';
export type { GroupNotificationReason } from './group-dedup.ts';
export { Grouping } from './grouping.ts';
export type { FlappingOptions, FlapObservation, FlapState } from './flapping.ts';
export { Flapping } from './flapping.ts';
export type { FlapWeights } from './flap-history.ts';
export { NAGIOS_FLAP_WEIGHTS } from './flap-history.ts';
export type { SilenceLike, SilenceMatcherLike } from './silences.ts';
export {
  isSilencedBy,
  isSilenceActive,
  findSilence,
  checkSilenceMatchers,
  checkSilenceRegex,
} from './silences.ts';
export type { InhibitionRule } from './inhibition.ts';
export { Inhibitor } from './inhibition.ts';
export type { OpenIncidents, OpenIncidentsByRule } from './open-incident-index.ts';
export { OpenIncidentIndex } from './open-incident-index.ts';
export { DEFAULT_INHIBITION_RULES } from './default-inhibitions.ts';
export type { SuppressionReason } from './suppression-reason.ts';
export { SUPPRESSION_REASONS } from './suppression-reason.ts';
export type { IncidentChange, IncidentChangeKind, Suppression, FlappingNotice } from './noise-stages.ts';
export type { NoiseContext, NoiseDecision, Notify } from './decide.ts';
export { decideNotification } from './decide.ts';
