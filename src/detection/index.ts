export type { DetectionEngine, DetectionEngineOptions, EngineStats } from './engine.ts';
export { createDetectionEngine } from './engine.ts';
