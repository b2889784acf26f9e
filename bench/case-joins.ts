// Case assignment as incidents pile up, in the two shapes that grow it: every incident joining one
// case (one address, a new account each: the case grows by an entity a join), and every incident
// opening a case of its own (as many addresses, at the same time). Each is timed in a store
// transaction (assignCase, as a replay's checkpoint runs it) and in memory (CaseBook, a replay
// without a store). Linear growth means an incident costs the same however many came before.
// Usage: npx tsx bench/case-joins.ts [COUNT ...] (default 2000 8000 32000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Incident } from '../src/core/index.ts';
import { assignCase, CaseBook } from '../src/incidents/case-assignment.ts';
import { newIncident } from '../src/store/contract/fixtures.ts';
import { openStore } from '../src/store/index.ts';

type Shape = 'one case' | 'a case each';

function groupOf(shape: Shape, i: number): Record<string, string> {
  if (shape === 'one case') return { 'source.ip': '203.0.113.9', 'user.name': `user${i}` };
  return { 'source.ip': `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}` };
}

function incidentOf(shape: Shape, i: number) {
  const times = { firstSeen: i * 1_000, lastSeen: i * 1_000 + 500, openedAt: i * 1_000 + 500 };
  return newIncident({ episodeId: `e${i}`, group: groupOf(shape, i), samples: [], ...times });
}

/** Milliseconds in assignCase, and the cases made. */
async function inStore(shape: Shape, count: number): Promise<{ ms: number; cases: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-case-joins-'));
  const store = await openStore(`sqlite:${join(dir, 'cases.db')}`);
  try {
    let ms = 0;
    await store.transaction(async (tx) => {
      for (let i = 0; i < count; i++) {
        const incident = await tx.incidents.open(incidentOf(shape, i));
        const started = performance.now();
        await assignCase(tx.cases, incident);
        ms += performance.now() - started;
      }
    });
    return { ms, cases: (await store.cases.list({ limit: count })).length };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function inMemory(shape: Shape, count: number): { ms: number; cases: number } {
  const book = new CaseBook();
  const incidents = Array.from({ length: count }, (_, i): Incident => ({
    ...incidentOf(shape, i),
    serial: i + 1,
    status: 'open',
  }));
  const started = performance.now();
  for (const incident of incidents) book.assign(incident);
  return { ms: performance.now() - started, cases: book.list().length };
}

const counts = process.argv.slice(2).map(Number);
for (const shape of ['one case', 'a case each'] as const)
  for (const count of counts.length > 0 ? counts : [2_000, 8_000, 32_000])
    for (const [where, run] of [
      ['store transaction', inStore],
      ['memory', inMemory],
    ] as const) {
      const { ms, cases } = await run(shape, count);
      const expected = shape === 'one case' ? 1 : count;
      if (cases !== expected) throw new Error(`${shape}: ${cases} cases, not ${expected}`);
      console.log(
        `${shape}, ${where}: ${count} incidents in ${ms.toFixed(0)} ms, ${((ms / count) * 1000).toFixed(1)} µs each`,
      );
    }
