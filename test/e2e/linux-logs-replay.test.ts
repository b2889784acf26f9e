import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from './run-cli.ts';

// An audit log written for this test in auditd's own forms: a password-guessing client on a Red
// Hat host (PAM's and sshd's USER_AUTH and sshd's USER_LOGIN a guess), an administrator's login,
// and one command (SYSCALL, EXECVE, PROCTITLE of one serial) that a Sigma auditd rule looks for.
const START = Date.UTC(2024, 2, 4, 10, 0, 0) / 1000;
let serial = 700;
const record = (seconds: number, type: string, fields: string) =>
  `node=db-01 type=${type} msg=audit(${(START + seconds).toFixed(3)}:${serial++}): ${fields}`;
const sshd = (seconds: number, type: string, op: string, user: string, ip: string, res: string) =>
  record(
    seconds,
    type,
    `pid=${3000 + seconds} uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 msg='op=${op} acct="${user}" exe="/usr/sbin/sshd" hostname=${ip} addr=${ip} terminal=ssh res=${res}'`,
  );
const guess = (seconds: number, user: string) => [
  sshd(seconds, 'USER_AUTH', 'PAM:authentication grantors=?', user, '198.51.100.77', 'failed'),
  sshd(seconds, 'USER_AUTH', 'password', user, '198.51.100.77', 'failed'),
  sshd(seconds, 'USER_LOGIN', 'login', user, '198.51.100.77', 'failed'),
];
const hex = (text: string) => Buffer.from(text).toString('hex').toUpperCase();
const LOG = [
  sshd(0, 'USER_AUTH', 'PAM:authentication grantors=pam_unix', 'dba', '192.0.2.15', 'success'),
  ...[0, 1, 2, 3, 4, 5].flatMap((i) => guess(30 + i * 20, ['root', 'admin', 'oracle'][i % 3] as string)),
  record(
    200,
    'SYSCALL',
    'arch=c000003e syscall=59 success=yes exit=0 a0=55d0c8 a1=55d0d0 a2=55d0e8 a3=0 items=2 ppid=4100 pid=4101 auid=1000 uid=0 gid=0 euid=0 tty=pts0 ses=7 comm="chattr" exe="/usr/bin/chattr" key="exec"',
  ),
  record(200, 'EXECVE', `argc=3 a0="chattr" a1="-i" a2=${hex('/etc/cron.d/my job')}`),
  record(200, 'PROCTITLE', `proctitle=${hex('chattr\0-i\0/etc/cron.d/my job')}`),
].join('\n');

// A Sigma rule in the SigmaHQ form for auditd's EXECVE records, written for this test.
const SIGMA = `title: Immutable attribute removed
id: 5f0b7c2e-1d3a-4e6b-9c8d-7a6b5c4d3e2f
status: test
logsource:
    product: linux
    service: auditd
detection:
    selection:
        type: EXECVE
        a0|endswith: chattr
        a1|contains: '-i'
    condition: selection
level: medium
`;

// Sysmon for Linux's process creations as it writes them to syslog (written for this test after
// its manifest's fields), between lines of other programs, and a Sigma rule in SigmaHQ's form for them.
const sysmonCreate = (seconds: number, id: number, image: string, commandLine: string) =>
  `Mar  4 10:00:${String(seconds).padStart(2, '0')} db-01 sysmon: <Event><System><Provider Name="Linux-Sysmon" Guid="{ff032593-a8d3-4f13-b0d6-01fc615a0f97}"/><EventID>1</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime="${new Date((START + seconds) * 1000).toISOString()}"/><EventRecordID>${id}</EventRecordID><Correlation/><Execution ProcessID="812" ThreadID="812"/><Channel>Linux-Sysmon/Operational</Channel><Computer>db-01</Computer><Security UserId="0"/></System><EventData><Data Name="RuleName">-</Data><Data Name="ProcessId">${4000 + id}</Data><Data Name="Image">${image}</Data><Data Name="CommandLine">${commandLine}</Data><Data Name="CurrentDirectory">/root</Data><Data Name="User">root</Data><Data Name="ParentProcessId">4000</Data><Data Name="ParentImage">/usr/bin/bash</Data></EventData></Event>`;
const SYSLOG = [
  sysmonCreate(1, 1, '/usr/bin/ls', 'ls -la'),
  'Mar  4 10:00:02 db-01 systemd[1]: Started Session 7 of user root.',
  sysmonCreate(3, 2, '/usr/bin/chattr', 'chattr -i /etc/cron.d/job'),
  sysmonCreate(4, 3, '/usr/bin/chattr', 'chattr +i /etc/resolv.conf'),
].join('\n');
const SIGMA_PROCESS = `title: Immutable attribute removed (process creation)
id: 0c7d4e1f-2b3a-4c5d-8e9f-a0b1c2d3e4f5
status: test
logsource:
    product: linux
    category: process_creation
detection:
    selection:
        Image|endswith: /chattr
        CommandLine|contains: ' -i '
    condition: selection
level: medium
`;

const dir = mkdtempSync(join(tmpdir(), 'klaxon-linux-logs-'));
const syslogFile = join(dir, 'syslog');
writeFileSync(syslogFile, `${SYSLOG}\n`);
const logFile = join(dir, 'audit.log');
const rulesDir = join(dir, 'rules');
writeFileSync(logFile, `${LOG}\n`);
mkdirSync(rulesDir);
writeFileSync(join(rulesDir, 'chattr.yml'), SIGMA);
writeFileSync(join(rulesDir, 'chattr-process.yml'), SIGMA_PROCESS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('klaxon replay of a Linux audit log', () => {
  it('recognises the format and opens the shipped rule for the password guessing only', async () => {
    const run = await runCli('replay', '--json', logFile);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('(auditd): 22 events, 0 lines skipped');
    const incidents = jsonLines(run.stdout);
    expect(incidents.map((incident) => incident.rule)).toEqual(['auditd-login-failures-source']);
    expect(incidents[0]).toMatchObject({ group: { 'source.address': '198.51.100.77' }, count: 12 });
  });

  it("runs a Sigma auditd rule on the records' own fields, decoded", async () => {
    const run = await runCli('replay', '--json', '--rules', rulesDir, logFile);
    expect(run.code).toBe(0);
    const incidents = jsonLines(run.stdout);
    expect(incidents.map((incident) => [incident.rule, incident.count])).toEqual([
      ['5f0b7c2e-1d3a-4e6b-9c8d-7a6b5c4d3e2f', 1],
    ]);
  });
});

describe("klaxon replay of Sysmon for Linux's syslog lines", () => {
  it('recognises the XML events after the syslog header and runs a Sigma process_creation rule on them', async () => {
    const run = await runCli('replay', '--json', '--rules', rulesDir, syslogFile);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('(windows-xml): 3 events');
    const incidents = jsonLines(run.stdout);
    expect(incidents.map((incident) => [incident.rule, incident.count])).toEqual([
      ['0c7d4e1f-2b3a-4c5d-8e9f-a0b1c2d3e4f5', 1],
    ]);
  });
});
