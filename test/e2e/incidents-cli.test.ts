import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPostgres } from '../support/postgres.ts';
import { startPostgres } from '../support/postgres.ts';
import { openStore } from '../../src/store/index.ts';
import { DATASETS, jsonLines, runCli } from './run-cli.ts';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(async () => {
  await postgres?.stop();
});

/** `klaxon replay` of the real sshd log (from 2017) into `store`, one JSON line an incident. */
const replaySshd = (store: string) =>
  runCli('replay', `${DATASETS}sshd/auth.log`, '--year', '2017', '--store', store, '--json');

describe.each([
  ['sqlite', async () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'klaxon-cli-store-')), 'klaxon.db')}`],
  ['postgres', async () => postgres.createDatabase(`cli_${Date.now()}`)],
])('the incident commands on %s', (_dialect, makeUrl) => {
  it('replays into the store, then lists, acknowledges, notes, resolves and shows the audit trail', async () => {
    const store = await makeUrl();
    const replay = await replaySshd(store);
    expect(replay.code).toBe(0);
    // 10 + 3 + 2 + 1 + 1, as counted in replay-datasets.test.ts (the empty user name forms no group).
    expect(jsonLines(replay.stdout)).toHaveLength(17);
    expect(replay.stderr).toMatch(/notifications: \d+ would be sent/);

    const p1 = jsonLines(
      (await runCli('incidents', 'list', '--priority', 'P1', '--store', store, '--json')).stdout,
    );
    expect(p1.map((incident) => [incident.serial, incident.rule])).toEqual([
      [7, 'auth-success-after-failures'],
    ]);

    // The replayed bursts are over: the engine resolved the auto incidents, so a person cannot
    // acknowledge one any more...
    const resolved = jsonLines(
      (await runCli('incidents', 'list', '--status', 'resolved', '--store', store, '--json')).stdout,
    );
    expect(resolved).toHaveLength(16);
    const late = await runCli(
      'incidents',
      'ack',
      String(resolved[0]!.serial),
      '--by',
      'alice',
      '--store',
      store,
    );
    expect(late).toMatchObject({
      code: 1,
      stderr: `klaxon: incident #${resolved[0]!.serial} is already resolved`,
    });

    // ...but the compromised account is `resolve: manual`: its attack stopped, it waits for a person.
    const acked = await runCli('incidents', 'ack', '7', '--by', 'alice', '--store', store);
    expect(acked).toMatchObject({ code: 0, stdout: '#7 acknowledged by alice' });
    const noted = await runCli(
      'incidents',
      'note',
      '7',
      '--by',
      'alice',
      '--note',
      'password of elastic_user_0 reset',
      '--store',
      store,
    );
    expect(noted.code).toBe(0);
    const shown = jsonLines(
      (await runCli('incidents', 'show', '7', '--store', store, '--json')).stdout,
    )[0] as {
      history: Array<{ actor: string; action: string; detail?: string }>;
    };
    expect(shown.history.map((entry) => [entry.actor, entry.action])).toEqual([
      ['klaxon', 'opened'],
      ['klaxon', 'updated'],
      ['alice', 'acknowledged'],
      ['alice', 'noted'],
    ]);
    expect(shown.history[1]?.detail).toMatch(/^attack stopped; /);
    expect(shown.history[3]?.detail).toBe('password of elastic_user_0 reset');
  });

  it('works the lifecycle of an open incident and refuses invalid transitions', async () => {
    const store = await makeUrl();
    // Kerberos brute force: still open at the end of the recording (per account #1, per address #2).
    const file = `${DATASETS}windows/evtx-to-mitre-attack/jsonl/ID4771-Kerberos_brutforce_with_valid_user.jsonl`;
    expect((await runCli('replay', file, '--store', store)).code).toBe(0);
    const open = jsonLines(
      (await runCli('incidents', 'list', '--status', 'open', '--store', store, '--json')).stdout,
    );
    expect(open.map((incident) => [incident.serial, incident.rule]).sort()).toEqual([
      [1, 'windows-kerberos-preauth-failures'],
      [2, 'windows-kerberos-failures-source'],
    ]);

    expect(
      (await runCli('incidents', 'ack', '1', '--by', 'alice', '--note', 'on it', '--store', store)).stdout,
    ).toBe('#1 acknowledged by alice');
    expect(await runCli('incidents', 'ack', '1', '--by', 'bob', '--store', store)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('already acknowledged by alice'),
    });
    expect(await runCli('incidents', 'assign', '1', 'bob', '--by', 'alice', '--store', store)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no user bob'),
    });
    const opened = await openStore(store);
    await opened.users.add({ name: 'bob', passwordHash: 'not-a-login', role: 'responder' }, 1);
    await opened.close();
    expect((await runCli('incidents', 'assign', '1', 'bob', '--by', 'alice', '--store', store)).code).toBe(0);
    const resolved = await runCli(
      'incidents',
      'resolve',
      '1',
      '--by',
      'bob',
      '--note',
      'account locked, password reset',
      '--store',
      store,
      '--json',
    );
    expect(jsonLines(resolved.stdout)[0]).toMatchObject({
      status: 'resolved',
      resolved_by: 'bob',
      resolution: 'account locked, password reset',
      assignee: 'bob',
    });
    expect(
      await runCli('incidents', 'resolve', '1', '--by', 'bob', '--note', 'again', '--store', store),
    ).toMatchObject({
      code: 1,
      stderr: 'klaxon: incident #1 is already resolved',
    });
    expect(await runCli('incidents', 'show', '99', '--store', store)).toMatchObject({
      code: 1,
      stderr: 'klaxon: no incident #99',
    });
  });

  it('holds back the notifications a silence covers during a replay, and counts them', async () => {
    const store = await makeUrl();
    const silenced = await runCli(
      'silence',
      'add',
      '--match',
      'rule=ssh-brute-force-source',
      '--from',
      '2017-01-01T00:00:00Z',
      '--until',
      '2018-01-01T00:00:00Z',
      '--by',
      'bob',
      '--comment',
      'replaying a known attack',
      '--store',
      store,
    );
    expect(silenced.code).toBe(0);
    const replay = await replaySshd(store);
    expect(replay.code).toBe(0);
    // 10 ssh-brute-force-source incidents: each opening and each resolution held back by the silence.
    expect(replay.stderr).toMatch(/held back: silenced 20\b/);
  });

  it('adds, lists and expires silences', async () => {
    const store = await makeUrl();
    const added = jsonLines(
      (
        await runCli(
          'silence',
          'add',
          '--match',
          'rule=ssh-brute-force-source',
          '--match',
          'source.ip=198.51.100.7',
          '--for',
          '2h',
          '--by',
          'bob',
          '--comment',
          'pentest',
          '--store',
          store,
          '--json',
        )
      ).stdout,
    )[0] as { id: string; matchers: unknown[]; createdBy: string };
    expect(added).toMatchObject({
      createdBy: 'bob',
      matchers: [
        { field: 'rule', value: 'ssh-brute-force-source' },
        { field: 'source.ip', value: '198.51.100.7' },
      ],
    });
    expect((await runCli('silence', 'list', '--store', store)).stdout).toContain(added.id);
    expect((await runCli('silence', 'expire', added.id, '--by', 'bob', '--store', store)).code).toBe(0);
    expect((await runCli('silence', 'list', '--store', store)).stdout).toBe('No silences.');
    expect((await runCli('silence', 'list', '--all', '--store', store)).stdout).toContain('expired by bob');
    expect(
      await runCli('silence', 'add', '--match', 'source.ip', '--comment', 'x', '--store', store),
    ).toMatchObject({ code: 1 });
  });
});
