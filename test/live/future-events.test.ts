import { describe, expect, it } from 'vitest';
import { useLiveDaemon } from '../support/live-daemon.ts';
import { loginEvent as login } from '../support/login-event.ts';
import { waitFor } from '../support/wait-for.ts';

const YEAR = 365 * 86_400_000;

describe('klaxon start with an event posted a year ahead', () => {
  const klaxon = useLiveDaemon('klaxon-future-live-');

  it('counts it as future on /metrics and still opens the P1 for a burst that follows', async () => {
    klaxon.writeConfig(['sources:', '  - { type: http, name: apps }']);
    const live = await klaxon.start();
    const token = await klaxon.addIngestToken('shop', 'shop-web');
    const url = klaxon.url('');
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
  });
});
