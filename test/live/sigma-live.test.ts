import { describe, expect, it } from 'vitest';
import { useLiveDaemon } from '../support/live-daemon.ts';
import { waitFor } from '../support/wait-for.ts';

// The Sigma correlation folder of the replay tests, run by `klaxon start` on events posted to the
// ingest API as Winlogbeat ships them.
const SIGMA = new URL('../../src/rules/sigma/correlation/testdata/replay/', import.meta.url).pathname;
const BURST = '5d7e9f10-2a3b-4c5d-8e6f-7a8b9c0d1e2f';

function failedLogon(at: number, user: string, i: number): Record<string, unknown> {
  return {
    '@timestamp': new Date(at).toISOString(),
    event: {
      code: '4625',
      action: 'logon-failed',
      outcome: 'failure',
      provider: 'Microsoft-Windows-Security-Auditing',
    },
    host: { name: 'dc-1' },
    winlog: {
      channel: 'Security',
      event_id: '4625',
      provider_name: 'Microsoft-Windows-Security-Auditing',
      computer_name: 'dc-1',
      record_id: 1000 + i,
      event_data: {
        TargetUserName: user,
        TargetDomainName: 'CORP',
        IpAddress: '203.0.113.50',
        LogonType: '3',
        Status: '0xc000006d',
        SubStatus: '0xc000006a',
      },
    },
  };
}

describe('klaxon start with a Sigma folder', () => {
  const klaxon = useLiveDaemon('klaxon-sigma-live-');

  it('runs a Sigma correlation on events posted to the ingest API: one incident for one burst', async () => {
    klaxon.writeConfig([
      `rules: [${JSON.stringify(SIGMA)}]`,
      'sources:',
      '  - { type: http, name: winlogbeat }',
    ]);
    const live = await klaxon.start({ checkpointEveryMs: 100 });
    const token = await klaxon.addIngestToken('wlb', 'winlogbeat');
    const base = Date.now() - 30_000;
    // Seven failures of bob within 7 s (one burst, threshold 5); four of carol (below it).
    const events = [
      ...Array.from({ length: 7 }, (_, i) => failedLogon(base + i * 1000, 'bob', i)),
      ...Array.from({ length: 4 }, (_, i) => failedLogon(base + 500 + i * 1000, 'carol', 10 + i)),
    ];
    const response = await fetch(klaxon.url('/api/v1/events'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    expect(response.status).toBe(202);
    const incident = await waitFor('the Sigma correlation incident', async () =>
      (await live.store.incidents.list()).find((found) => found.ruleId === BURST && found.count === 7),
    );
    expect(incident.group).toEqual({ TargetUserName: 'bob' });
    expect(incident.sigma).toMatchObject({
      id: BURST,
      title: 'Burst Of Failed Logons For One Account',
      author: 'Klaxon tests',
    });
    const all = await live.store.incidents.list();
    // One burst, one incident; carol's four stay below the threshold; the base rule makes none.
    expect(all.map((found) => [found.ruleId, found.group])).toEqual([[BURST, { TargetUserName: 'bob' }]]);
  });
});
