import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParserFrom } from '../choose-parser.ts';
import { parserDefinitions } from '../registry.ts';
import { vsftpdParser } from './index.ts';

// Lines written here in vsftpd's own log format (its logging.c: the time, `[pid N]`, `[USER]`, the
// message), addresses from the documentation ranges.
function parse(lines: string[]): { events: SecurityEvent[]; skips: (string | null)[] } {
  const parser = vsftpdParser.create({});
  const events: SecurityEvent[] = [];
  const skips = lines.map((line) => parser.parseLine(line, (event) => events.push(event)));
  return { events, skips };
}

const LOG = [
  'Mon Mar  4 10:00:00 2024 [pid 1201] CONNECT: Client "203.0.113.9"',
  'Mon Mar  4 10:00:02 2024 [pid 1202] [admin] FAIL LOGIN: Client "203.0.113.9"',
  'Mon Mar  4 10:00:03 2024 [pid 1203] [guest] FAIL LOGIN: Client "::ffff:198.51.100.4", "User is not in the allow user list."',
  'Mon Mar  4 10:00:04 2024 [pid 1204] [bob] OK LOGIN: Client "192.0.2.10"',
  'Mon Mar  4 10:00:05 2024 [pid 1204] [bob] OK UPLOAD: Client "192.0.2.10", "/home/bob/x", 10 bytes, 1.00Kbyte/sec',
];

describe("vsftpd's own log", () => {
  it('gives each login, failed or not, with the name the client gave and its address', () => {
    const { events, skips } = parse(LOG);
    expect(skips).toEqual(['vsftpd-line-unused', null, null, null, 'vsftpd-line-unused']);
    expect(
      events.map((event) => [
        event['@timestamp'],
        event.event.outcome,
        (event.user as { name: string }).name,
        (event.source as { ip: string }).ip,
        event.event.reason,
      ]),
    ).toEqual([
      ['2024-03-04T10:00:02.000Z', 'failure', 'admin', '203.0.113.9', undefined],
      ['2024-03-04T10:00:03.000Z', 'failure', 'guest', '198.51.100.4', 'User is not in the allow user list.'],
      ['2024-03-04T10:00:04.000Z', 'success', 'bob', '192.0.2.10', undefined],
    ]);
    expect(events[0]).toMatchObject({
      event: { action: 'ftp_login', category: ['authentication'], module: 'vsftpd' },
      process: { name: 'vsftpd', pid: 1202 },
      service: { name: 'ftp' },
    });
  });

  it('takes the result and the address vsftpd wrote, not ones the client put in its user name', () => {
    const { events } = parse([
      'Mon Mar  4 10:00:06 2024 [pid 1205] [x] OK LOGIN: Client "192.0.2.99"] FAIL LOGIN: Client "203.0.113.9"',
    ]);
    expect(events.map((event) => [event.event.outcome, (event.source as { ip: string }).ip])).toEqual([
      ['failure', '203.0.113.9'],
    ]);
    expect((events[0]?.user as { name: string }).name).toBe('x] OK LOGIN: Client "192.0.2.99"');
  });

  it('skips what is not its own, and is the format chosen for its log', () => {
    const { skips } = parse([
      'Mar  4 10:00:00 host vsftpd[1]: [x] FAIL LOGIN: Client "203.0.113.9"',
      'Mon Mar  4 10:00:00 2024 [pid x] [a] FAIL LOGIN: Client "203.0.113.9"',
      'Mon Mar  4 10:00:00 2024 [pid 1] [a] FAIL LOGIN: Client "not-an-address"',
    ]);
    expect(skips).toEqual(['not-vsftpd', 'not-vsftpd', 'vsftpd-line-unused']);
    const choice = chooseParserFrom(parserDefinitions, LOG);
    expect(choice.kind === 'found' && choice.parser.format).toBe('vsftpd');
  });
});
