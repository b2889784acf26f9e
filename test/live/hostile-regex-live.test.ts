import { writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLiveDaemon } from '../support/live-daemon.ts';
import { waitFor } from '../support/wait-for.ts';

// Forty `a`s and a `!`: a backtracking engine needs about 2^40 steps for `(a+)+$` on it.
const HOSTILE_NAME = `${'a'.repeat(40)}!${'x'.repeat(9)}`;

const RULES = `- id: catastrophic-pattern
  title: A pattern that backtracks forever
  type: match
  where: { user.name|re: '(a+)+$' }
  severity: low
- id: canary
  title: The same value, seen
  type: match
  where: { user.name|re: '^a+!x+$' }
  severity: low
`;

describe('a hostile value against a catastrophic |re rule, live', () => {
  const klaxon = useLiveDaemon('klaxon-redos-');

  beforeEach(() => {
    writeFileSync(klaxon.path('rules.yml'), RULES);
    klaxon.writeConfig([
      'builtin_rules: false',
      `rules: [${klaxon.path('rules.yml')}]`,
      'sources:',
      '  - { type: http, name: apps }',
    ]);
  });

  const start = () => klaxon.start({ checkpointEveryMs: 100 });

  it('detects through the ingest API promptly, keeps answering, and starts again over the journal', async () => {
    let live = await start();
    const token = await klaxon.addIngestToken('shop', 'shop-web');
    const started = performance.now();
    const response = await fetch(klaxon.url('/api/v1/events'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        '@timestamp': new Date().toISOString(),
        event: { action: 'login', outcome: 'failure', category: ['authentication'] },
        user: { name: HOSTILE_NAME },
      }),
    });
    expect(response.status).toBe(202);
    const incident = await waitFor('the canary incident', async () =>
      (await live.store.incidents.list()).find((found) => found.ruleId === 'canary'),
    );
    expect(incident.count).toBe(1);
    // Before RE2 the daemon froze here: no /healthz, no SIGTERM, and again after each restart.
    expect((await fetch(klaxon.url('/healthz'))).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5_000);

    await klaxon.stop();
    live = await start();
    expect((await fetch(klaxon.url('/healthz'))).status).toBe(200);
    expect((await live.store.incidents.list()).map((found) => found.ruleId)).toEqual(['canary']);
  });
});
