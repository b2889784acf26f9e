import { describe, expect, it } from 'vitest';
import { createSyslogFormatter, formatSyslogLine, formatSyslogTimestamp } from './syslog-line.ts';

describe('formatSyslogTimestamp', () => {
  it('pads one-digit days with a space as auth.log does', () => {
    expect(formatSyslogTimestamp(Date.UTC(2025, 2, 4, 0, 17, 1))).toBe('Mar  4 00:17:01');
    expect(formatSyslogTimestamp(Date.UTC(2024, 11, 31, 23, 59, 59, 999))).toBe('Dec 31 23:59:59');
  });
});

describe('createSyslogFormatter', () => {
  it('writes the same lines as formatSyslogLine, also when time goes back', () => {
    const format = createSyslogFormatter('bastion-01');
    const times = [
      Date.UTC(2025, 0, 1, 10, 0, 0, 100),
      Date.UTC(2025, 0, 1, 10, 0, 0, 900),
      Date.UTC(2025, 0, 1, 9, 0, 0),
    ];
    for (const ms of times) {
      expect(format(ms, 'sshd', 4242, 'Invalid user pi from 192.0.2.1')).toBe(
        formatSyslogLine(ms, 'bastion-01', 'sshd', 4242, 'Invalid user pi from 192.0.2.1'),
      );
    }
    expect(format(times[2]!, 'sudo', undefined, 'x')).toBe('Jan  1 09:00:00 bastion-01 sudo: x');
  });
});
