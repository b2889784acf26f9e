// Memory with 1,000,000 distinct group keys alive in windows (every event a new account and
// address, all inside five minutes), then after event time has moved on and they went quiet.
import { loadRules } from '../../src/app/index.ts';
import { createDetectionEngine } from '../../src/detection/index.ts';
import { report } from './measure.ts';

const KEYS = Number(process.argv[2] ?? 1_000_000);
/** `pack`: the whole shipped rule pack (several rules keep a state per event); `one`: only the per-account rule. */
const RULES = process.argv[3] ?? 'pack';
const gc = (globalThis as { gc?: () => void }).gc;
/** Live memory: the JS heap and the typed arrays key state keeps outside it. */
const stateMb = async () => {
  // Backing stores of dead typed arrays are swept after the collection: give that a moment.
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return Math.round((heapUsed + arrayBuffers) / 1024 / 1024);
};

const pack = await loadRules(undefined);
const rules = RULES === 'pack' ? pack : pack.filter((rule) => rule.id === 'windows-logon-failure-user');
const engine = createDetectionEngine({ rules, emit: () => {} });
const start = Date.UTC(2024, 0, 1);
const baseline = await stateMb();
const started = performance.now();
for (let i = 0; i < KEYS; i++) {
  engine.push({
    '@timestamp': new Date(start + Math.floor((i * 240_000) / KEYS)).toISOString(),
    event: { code: '4625', category: ['authentication'], outcome: 'failure', action: 'logon-failed' },
    user: { name: `user${i}` },
    source: { ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, domain: `WS${i % 5000}` },
    winlog: { event_data: { LogonType: '3' } },
  });
}
engine.flush();
const ms = performance.now() - started;
const keysAlive = engine.stats().keysAlive;
const stateAliveMb = (await stateMb()) - baseline;
engine.advanceTo(start + 3_600_000);
const keysAfterQuiet = engine.stats().keysAlive;
const stateAfterQuietMb = (await stateMb()) - baseline;
report({ ms, events: KEYS, keysAlive, stateAliveMb, keysAfterQuiet, stateAfterQuietMb });
