import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKlaxonConfig } from '../../src/app/load-config.ts';
import { startLive } from '../../src/app/live/start-live.ts';
import { createTokenValue, hashToken } from '../../src/server/index.ts';
import { waitFor } from '../support/wait-for.ts';

const YEAR = 365 * 86_400_000;

function login(at: number, user: string, outcome: 'success' | 'failure') {
  return {
    '@timestamp': new Date(at).toISOString(),
    event: { category: ['authentication'], action: 'login', outcome },
    user: { name: user },
    source: { ip: '198.51.100.7' },
  };
}

describe('klaxon start with an event posted a year ahead', () => {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-future-live-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts it as future on /metrics and still opens the P1 for a burst that follows', async () => {
    writeFileSync(
      join(dir, 'klaxon.yaml'),
      [`store: sqlite:${join(dir, 'klaxon.db')}`, 'sources:', '  - { type: http, name: apps }'].join('\n'),
    );
    const config = await loadKlaxonConfig(join(dir, 'klaxon.yaml'));
    const live = await startLive({ config, listen: { host: '127.0.0.1', port: 0 }, tickMs: 50 });
    try {
      const token = createTokenValue();
      await live.store.apiTokens.add(
        { name: 'shop', hash: hashToken(token), scopes: ['ingest'], service: 'shop-web', createdBy: 'test' },
        Date.now(),
      );
      const url = `http://127.0.0.1:${live.address().port}`;
      const post = async (events: object[]) => {
        const response = await fetch(`${url}/api/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(events),
        });
        expect(response.status).toBe(202);
      };
      await post([login(Date.now() + YEAR, 'mallory', 'failure')]);
      // Five failures 200 ms apart; the success, 100 ms after the last, overtakes it on the way.
      const base = Date.now() + 500;
      const failures = Array.from({ length: 5 }, (_, i) => login(base + i * 200, 'alice', 'failure'));
      await post([...failures.slice(0, 4), login(base + 900, 'alice', 'success'), failures[4] as object]);
      const incident = await waitFor('the compromised-account incident', async () =>
        (await live.store.incidents.list()).find((found) => found.ruleId === 'auth-success-after-failures'),
      );
      expect(incident).toMatchObject({ priority: 'P1', group: { 'user.name': 'alice' } });
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/klaxon_events_future_total\{source="apps"\} 1\b/);
      expect(metrics).toMatch(/klaxon_events_late_total 0\b/);
    } finally {
      await live.stop();
    }
  });
});
