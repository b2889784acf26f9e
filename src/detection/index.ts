export type { CorroboratedTimeOptions } from './corroborated-time.ts';
export { CorroboratedTime } from './corroborated-time.ts';
export type { DetectionEngine, DetectionEngineOptions, EngineStats } from './engine.ts';
export { createDetectionEngine, DEFAULT_TOLERANCE_MS, UPDATES_EVERY } from './engine.ts';
export { decodeSnapshot, encodeSnapshot } from './snapshot-codec.ts';
