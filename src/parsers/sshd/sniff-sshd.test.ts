import { describe, expect, it } from 'vitest';
import { sniffSshd } from './sniff-sshd.ts';

const SSHD = 'Mar 27 13:08:09 h sshd[1361]: Accepted password for ubuntu from 85.245.107.41 port 54259 ssh2';
const CRON = 'Mar 27 13:17:01 h CRON[1]: pam_unix(cron:session): session closed for user root';
const JSON_LINE = '{"@timestamp":"2017-03-27T13:06:56Z","event":{"code":"4625"}}';

describe('sniffSshd', () => {
  it('is sure of an auth log with sshd lines', () => {
    expect(sniffSshd([SSHD, CRON, SSHD, CRON])).toBe(1);
  });

  it('scores plain syslog without sshd lower than an auth log', () => {
    const plain = sniffSshd([CRON, CRON, CRON]);
    expect(plain).toBeCloseTo(0.6);
    expect(plain).toBeLessThan(sniffSshd([CRON, CRON, CRON, SSHD]));
  });

  it('scores JSON lines and empty samples zero', () => {
    expect(sniffSshd([JSON_LINE, JSON_LINE])).toBe(0);
    expect(sniffSshd(['', '  '])).toBe(0);
  });

  it('scores a mostly non-syslog sample low even with an sshd line', () => {
    expect(sniffSshd([SSHD, JSON_LINE, JSON_LINE, JSON_LINE, JSON_LINE])).toBeLessThan(0.6);
  });
});
