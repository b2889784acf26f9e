// Child process for sqlite.test.ts: opens the store, prints "ready", waits for a line on stdin
// (so that all children start writing together), opens N incidents and prints their serials as JSON.
import { once } from 'node:events';
import { openStore } from '../index.ts';

const [url = '', countText = '0', label = 'child'] = process.argv.slice(2);
const store = await openStore(url);
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const serials: number[] = [];
for (let i = 0; i < Number(countText); i++) {
  // A read before the write, as the engine does: SQLite must not fail this when another process commits in between.
  const incident = await store.transaction(async (tx) => {
    await tx.incidents.findByEpisode(`${label}-${i}`);
    return tx.incidents.open({
    episodeId: `${label}-${i}`,
    ruleId: 'ssh-brute-force-source',
    title: 'SSH brute force from one source',
    group: { 'source.ip': `198.51.100.${i % 250}` },
    count: 5,
    firstSeen: i,
    lastSeen: i + 1,
    openedAt: i + 1,
    severity: 'high',
    confidence: 'medium',
    priority: 'P2',
    attack: ['T1110.001'],
    samples: [],
    });
  });
  serials.push(incident.serial);
}
await store.close();
process.stdout.write(`${JSON.stringify(serials)}\n`);
process.stdin.destroy();
