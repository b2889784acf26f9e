import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/app/demo.ts';
import type { Incident } from '../../src/core/index.ts';
import { runCli } from './run-cli.ts';

/** Which incidents each simulated attack must raise: rule and the group it is raised for. */
const EXPECTED: Record<
  string,
  (attack: { sourceIp: string; users: string[]; host: string }) => Array<[string, Record<string, string>]>
> = {
  'ssh-brute-force': (a) => [
    ['ssh-brute-force-source', { 'source.ip': a.sourceIp }],
    ['ssh-brute-force-user', { 'user.name': 'root' }],
    // password-spray-source opens at 5 distinct accounts from one address
    ...(a.users.length >= 5
      ? [['password-spray-source', { 'source.ip': a.sourceIp }] as [string, Record<string, string>]]
      : []),
  ],
  'rdp-brute-force': (a) => [
    ['windows-rdp-brute-force', { 'source.ip': a.sourceIp }],
    ['windows-logon-failure-user', { 'user.name': a.users[0]! }],
    ['windows-logon-failure-source', { 'source.ip': a.sourceIp }],
  ],
  'password-spray': (a) => [
    ['password-spray-source', { 'source.ip': a.sourceIp }],
    ['windows-logon-failure-source', { 'source.ip': a.sourceIp }],
  ],
  'ssh-brute-force-success': (a) => [
    ['ssh-brute-force-source', { 'source.ip': a.sourceIp }],
    ['auth-success-after-failures', { 'user.name': a.users[0]! }],
  ],
  'app-csrf-burst': (a) => [['app-csrf-failures', { 'service.name': a.host, 'source.ip': a.sourceIp }]],
  'app-forbidden-probe': (a) => [
    ['app-forbidden-requests-user', { 'service.name': a.host, 'user.name': a.users[0]! }],
  ],
};

const describeIncident = (incident: Incident): [string, Record<string, string>] => [
  incident.ruleId,
  incident.group,
];

describe.each([7, 1, 2])('the demo day (seed %i)', async (seed) => {
  const { report, truth } = await runDemo({ seed, start: new Date('2026-03-02T00:00:00Z') });

  it('raises exactly the incidents of the simulated attacks, nothing for benign logins or scanners', () => {
    const expected = truth.attacks.flatMap((attack) => EXPECTED[attack.id]!(attack));
    expect(report.incidents.map(describeIncident)).toEqual(expect.arrayContaining(expected));
    expect(report.incidents).toHaveLength(expected.length);
  });

  it('opens every incident during its attack', () => {
    for (const attack of truth.attacks) {
      const raised = report.incidents.filter((incident) =>
        EXPECTED[attack.id]!(attack).some(
          ([rule, group]) =>
            rule === incident.ruleId && JSON.stringify(group) === JSON.stringify(incident.group),
        ),
      );
      for (const incident of raised) {
        expect(incident.firstSeen).toBeGreaterThanOrEqual(attack.start);
        expect(incident.openedAt).toBeLessThanOrEqual(attack.end);
      }
    }
  });

  it('groups the incidents of each attack into one case, and no case spans two attacks', () => {
    expect(report.cases).toHaveLength(truth.attacks.length);
    for (const attack of truth.attacks) {
      const serials = report.incidents
        .filter((incident) =>
          EXPECTED[attack.id]!(attack).some(
            ([rule, group]) =>
              rule === incident.ruleId && JSON.stringify(group) === JSON.stringify(incident.group),
          ),
        )
        .map((incident) => incident.serial);
      const caseOf = report.cases.find((c) => c.serials.includes(serials[0]!));
      expect(caseOf?.serials).toEqual(serials);
      expect(caseOf?.entities).toContain(`source.ip=${attack.sourceIp}`);
    }
  });

  it('counts every failed password of the SSH brute force', () => {
    const attack = truth.attacks.find((a) => a.id === 'ssh-brute-force')!;
    const incident = report.incidents.find(
      (i) => i.ruleId === 'ssh-brute-force-source' && i.group['source.ip'] === attack.sourceIp,
    );
    expect(incident?.count).toBe(attack.breakdown.Failed);
  });

  it('puts the compromised account first', () => {
    const p1 = report.incidents
      .filter((incident) => incident.priority === 'P1')
      .map((incident) => incident.ruleId);
    expect(p1.sort()).toEqual(['auth-success-after-failures', 'windows-rdp-brute-force']);
  });

  it('ends with the incidents a SOC still holds open: the P1s, their attacks over', () => {
    const open = report.incidents.filter((incident) => incident.status !== 'resolved');
    expect(open.map((incident) => incident.priority)).toEqual(['P1', 'P1']);
    for (const incident of open) expect(incident.quietSince).toBeGreaterThan(incident.lastSeen);
    const rest = report.incidents.filter((incident) => incident.status === 'resolved');
    for (const incident of rest) expect(incident.resolvedBy).toBe('klaxon');
  });
});

describe('klaxon demo', () => {
  it('shows the messages an analyst receives, most urgent first, then the table', async () => {
    const run = await runCli('demo', '--date', '2026-03-02');
    expect(run.code).toBe(0);
    const firstMessage = run.stdout.indexOf('[P1]');
    expect(firstMessage).toBeGreaterThan(0);
    expect(run.stdout.indexOf('[P2]')).toBeGreaterThan(firstMessage);
    expect(run.stdout).toContain('who/where: user.name=nils');
    // The two P1s are `resolve: manual`: the day ends with them open, for a person to resolve.
    expect(run.stdout).toMatch(/Incidents: 12 \(2 still open/);
    expect(run.stdout).toContain('6 cases (one per attack):');
    expect(run.stdout).toMatch(/case #1: incidents #1, #2, #3 — source\.ip=203\.0\.113\.45/);
  });
});
