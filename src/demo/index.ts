export { generateDemoDay } from './scenario.ts';
export type { DemoDayOptions } from './scenario.ts';
export type { AttackKind, AttackTruth, DemoChannel, DemoDay, ScenarioTruth } from './scenario-truth.ts';
export { SCHEDULE } from './schedule.ts';
export { generateBenchFiles } from './write-bench-files.ts';
export type { BenchFile, BenchFileOptions, BenchFiles } from './write-bench-files.ts';
