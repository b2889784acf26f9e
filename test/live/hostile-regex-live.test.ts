import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKlaxonConfig } from '../../src/app/load-config.ts';
import type { LiveDaemon } from '../../src/app/live/start-live.ts';
import { startLive } from '../../src/app/live/start-live.ts';
import { createTokenValue, hashToken } from '../../src/server/index.ts';
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
  let dir: string;
  let live: LiveDaemon | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'klaxon-redos-'));
    writeFileSync(join(dir, 'rules.yml'), RULES);
    writeFileSync(
      join(dir, 'klaxon.yaml'),
      [
        `store: sqlite:${join(dir, 'klaxon.db')}`,
        'builtin_rules: false',
        `rules: [${join(dir, 'rules.yml')}]`,
        'sources:',
        '  - { type: http, name: apps }',
      ].join('\n'),
    );
  });
  afterEach(async () => {
    await live?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async () =>
    startLive({
      config: await loadKlaxonConfig(join(dir, 'klaxon.yaml')),
      listen: { host: '127.0.0.1', port: 0 },
      tickMs: 50,
      checkpointEveryMs: 100,
    });

  it('detects through the ingest API promptly, keeps answering, and starts again over the journal', async () => {
    live = await start();
    const token = createTokenValue();
    await live.store.apiTokens.add(
      { name: 'shop', hash: hashToken(token), scopes: ['ingest'], service: 'shop-web', createdBy: 'test' },
      Date.now(),
    );
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${live.address().port}/api/v1/events`, {
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
      (await live?.store.incidents.list())?.find((found) => found.ruleId === 'canary'),
    );
    expect(incident.count).toBe(1);
    // Before RE2 the daemon froze here: no /healthz, no SIGTERM, and again after each restart.
    expect((await fetch(`http://127.0.0.1:${live.address().port}/healthz`)).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5_000);

    await live.stop();
    live = await start();
    expect((await fetch(`http://127.0.0.1:${live.address().port}/healthz`)).status).toBe(200);
    expect((await live.store.incidents.list()).map((found) => found.ruleId)).toEqual(['canary']);
  });
});
