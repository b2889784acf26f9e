import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import { fail2banParser } from './index.ts';

// Written for these tests after fail2ban's actions.py messages and its log formats before and since
// 0.10 (the logger's name padded, the process id after it).
const LOG = fixtureLines(new URL('./testdata/fail2ban.log', import.meta.url));

const row = (event: SecurityEvent) => [
  event['@timestamp'],
  event.event.action,
  (event.rule as { name: string }).name,
  (event.source as { ip: string }).ip,
];

describe("fail2ban's log", () => {
  const { events, skips } = parseLines(fail2banParser.create({}), LOG);

  it('gives each new ban: the jail that banned and the address it banned', () => {
    expect(events.map(row)).toEqual([
      ['2024-03-04T10:00:05.320Z', 'ip_banned', 'sshd', '203.0.113.60'],
      ['2024-03-04T10:00:07.450Z', 'ip_banned', 'postfix-sasl', '2001:db8::61'],
      ['2024-03-04T10:12:00.000Z', 'ip_banned', 'apache-auth', '203.0.113.63'],
    ]);
    expect(events[0]).toMatchObject({
      event: {
        kind: 'alert',
        module: 'fail2ban',
        dataset: 'fail2ban.log',
        category: ['intrusion_detection', 'network'],
        type: ['denied'],
        reason: 'banned by jail sshd',
      },
      process: { name: 'fail2ban-server', pid: 812 },
      related: { ip: ['203.0.113.60'] },
    });
  });

  it('counts no other line as a ban: failures it found, a longer ban, an unban, one restored after a restart', () => {
    const unused = 'fail2ban-line-unused';
    expect(skips).toEqual([
      unused,
      unused,
      null,
      // `Increase Ban` follows the ban it prolongs.
      unused,
      null,
      unused,
      unused,
      unused,
      null,
      // An address followed by more words, and one that is none.
      unused,
      unused,
      'not-fail2ban-log',
    ]);
  });

  it('reads its time in the time zone it is told, as fail2ban writes local time', () => {
    const zoned = parseLines(fail2banParser.create({ timeZone: 'Europe/Berlin' }), LOG.slice(2, 3));
    expect(zoned.events[0]?.['@timestamp']).toBe('2024-03-04T09:00:05.320Z');
  });

  it('is told from other logs by its lines', () => {
    const choice = chooseParser(LOG.slice(0, -1));
    expect(choice.kind === 'found' && choice.parser.format).toBe('fail2ban');
    expect(fail2banParser.sniff(['2024-03-04 10:00:00,101 someone.else [1]: INFO Ban 1.2.3.4'])).toBe(0);
  });
});

describe("fail2ban's bans in syslog, read by the sshd parser", () => {
  it('are the same bans, at the header time, from its journal and from its syslog target', () => {
    const { events, skips } = parse([
      'Mar  4 10:00:01 web fail2ban-server[11524]: fail2ban.actions        [11524]: NOTICE  [nginx-http-auth] Ban 203.0.113.66',
      'Mar  4 10:00:02 web fail2ban.actions[6605]: NOTICE [sshd] Ban 203.0.113.67',
      'Mar  4 10:00:03 web fail2ban.actions: NOTICE [sshd] Unban 203.0.113.67',
      'Mar  4 10:00:04 web fail2ban-server[11524]: fail2ban.filter         [11524]: INFO    [sshd] Found 203.0.113.68 - 2024-03-04 10:00:04',
    ]);
    expect(events.map(row)).toEqual([
      ['2024-03-04T10:00:01.000Z', 'ip_banned', 'nginx-http-auth', '203.0.113.66'],
      ['2024-03-04T10:00:02.000Z', 'ip_banned', 'sshd', '203.0.113.67'],
    ]);
    expect(events[1]).toMatchObject({ host: { name: 'web' }, process: { pid: 6605 } });
    expect(skips.slice(2)).toEqual(['fail2ban-line-unused', 'fail2ban-line-unused']);
  });
});
