// What a replay into a store pays per checkpoint: the snapshot's bytes, encoding it (from the
// checkpoint's start to its transaction) and writing it (the checkpoint row's insert).
// Arguments: file, store URL, checkpoint every (ms, default 2000). SNAPSHOT_DUMP=FILE keeps the last one.
import { writeFileSync } from 'node:fs';
import { loadRules, runReplay } from '../../src/app/index.ts';
import { openStore } from '../../src/store/index.ts';
import type { StoreOperations } from '../../src/store/index.ts';

const [path, storeUrl, every] = process.argv.slice(2) as (string | undefined)[];
const rules = await loadRules(undefined);
const store = await openStore(storeUrl as string);
const rows: { bytes: number; encodeMs: number; insertMs: number }[] = [];
let began = 0;
const transaction = store.transaction.bind(store);
store.transaction = (async (work: (tx: StoreOperations) => Promise<unknown>) => {
  const entered = performance.now();
  const encodeMs = entered - began;
  return transaction(async (tx) => {
    const save = tx.checkpoints.save.bind(tx.checkpoints);
    tx.checkpoints.save = async (name, data, at) => {
      const start = performance.now();
      await save(name, data, at);
      if (data.includes('"complete":true')) return;
      if (process.env.SNAPSHOT_DUMP) writeFileSync(process.env.SNAPSHOT_DUMP, data);
      rows.push({ bytes: data.length, encodeMs, insertMs: performance.now() - start });
    };
    return work(tx);
  });
}) as typeof store.transaction;
const started = performance.now();
await runReplay({
  inputs: [path as string],
  rules,
  store,
  checkpointEveryMs: Number(every ?? 2000),
  // Whole milliseconds: a checkpoint is stamped with this clock, and PostgreSQL stores it as bigint.
  now: () => Math.floor((began = performance.now())),
});
const ms = performance.now() - started;
await store.close();
const sum = (key: 'bytes' | 'encodeMs' | 'insertMs') => rows.reduce((total, row) => total + row[key], 0);
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    checkpoints: rows.length,
    meanBytes: Math.round(sum('bytes') / rows.length),
    maxBytes: Math.max(...rows.map((row) => row.bytes)),
    meanEncodeMs: Math.round(sum('encodeMs') / rows.length),
    meanInsertMs: Math.round(sum('insertMs') / rows.length),
  }),
);
