export type { RuleFacts } from './incident.ts';
export { newIncidentOf } from './incident.ts';
export { IncidentBook } from './incident-book.ts';
export { IncidentRecorder } from './recorder.ts';
export type { IncidentChange, RecorderMark } from './recorder.ts';
export { NoiseStage } from './noise-stage.ts';
export type { NoiseTally, PassedChange } from './noise-stage.ts';
export * as noise from './noise/index.ts';
