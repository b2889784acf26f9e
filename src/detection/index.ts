export type { CorroboratedTimeOptions } from './corroborated-time.ts';
export { CorroboratedTime } from './corroborated-time.ts';
export type { DetectionEngine, DetectionEngineOptions, EngineStats } from './engine.ts';
export { createDetectionEngine } from './engine.ts';
