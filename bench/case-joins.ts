// Case assignment in one store transaction (as a replay's checkpoint runs it) when every incident
// joins the same case: one address, a new account each, so the case grows by one entity a join.
// Prints the time in assignCase for each count; linear growth means a join costs the same however
// large the case. Usage: npx tsx bench/case-joins.ts [COUNT ...] (default 2000 8000 32000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assignCase } from '../src/incidents/case-assignment.ts';
import { newIncident } from '../src/store/contract/fixtures.ts';
import { openStore } from '../src/store/index.ts';

const counts = process.argv.slice(2).map(Number);
for (const count of counts.length > 0 ? counts : [2_000, 8_000, 32_000]) {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-case-joins-'));
  const store = await openStore(`sqlite:${join(dir, 'cases.db')}`);
  try {
    let assigning = 0;
    await store.transaction(async (tx) => {
      for (let i = 0; i < count; i++) {
        const group = { 'source.ip': '203.0.113.9', 'user.name': `user${i}` };
        const times = { firstSeen: i * 1_000, lastSeen: i * 1_000 + 500, openedAt: i * 1_000 + 500 };
        const incident = await tx.incidents.open(
          newIncident({ episodeId: `e${i}`, group, samples: [], ...times }),
        );
        const started = performance.now();
        await assignCase(tx.cases, incident);
        assigning += performance.now() - started;
      }
    });
    const [only, ...more] = await store.cases.list();
    if (more.length > 0 || only?.serials.length !== count)
      throw new Error('the incidents did not all join one case');
    console.log(
      `${count} incidents joining one case: ${assigning.toFixed(0)} ms in assignCase, ${((assigning / count) * 1000).toFixed(1)} µs each; the case holds ${only.entities.length} entities`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
