export type { Triage, TriageInput } from './triage.ts';
export { triage } from './triage.ts';
export { PRIORITY_MATRIX, priorityOf } from './priority.ts';
export type { AttackTechnique } from './attack.ts';
export { describeTechnique } from './attack.ts';
