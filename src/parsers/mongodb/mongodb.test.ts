import { describe, expect, it } from 'vitest';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { mongodbParser } from './index.ts';

// MongoDB log lines written for these tests after its JSON log (4.4 on: ids 20249, 5286306) and its
// text log's messages (3.x to 4.2, and 2.x's, which name the address only on connection lines).
const LOG = fixtureLines(new URL('./testdata/mongod.log', import.meta.url));

const summary = (event: SecurityEvent) => [
  event['@timestamp'],
  event.event.outcome,
  (event.user as { name: string } | undefined)?.name,
  (event.source as { ip: string } | undefined)?.ip,
  event.event.reason,
];

describe("MongoDB's log", () => {
  const parser = mongodbParser.create({});
  const { events, skips } = parseLines(parser, LOG);
  const logins = events.filter((event) => event.event.action === 'mongodb_login');

  it('gives each login with the client the server wrote, in every version of the log', () => {
    expect(logins.map(summary)).toEqual([
      ['2024-03-04T10:00:01.545Z', 'failure', 'root', '203.0.113.120', 'UserNotFound'],
      ['2024-03-04T09:00:02.100Z', 'failure', 'admin', '2001:db8::121', 'AuthenticationFailed'],
      ['2024-03-04T10:00:03.000Z', 'success', 'app', '203.0.113.122', 'Successfully authenticated'],
      ['2024-03-04T10:00:04.000Z', 'failure', 'root', '203.0.113.123', 'UserNotFound'],
      ['2024-03-04T10:00:06.000Z', 'success', 'app', '203.0.113.125', 'Successfully authenticated'],
      // 2.x: the failure given the address its connection's end names, at its own time.
      ['2024-03-04T09:00:07.110Z', 'failure', 'root@admin', '203.0.113.126', 'AuthenticationFailed'],
      // ... or the address its connection was accepted from.
      ['2024-03-04T09:00:09.000Z', 'failure', 'admin@admin', '203.0.113.127', 'AuthenticationFailed'],
    ]);
    expect(logins[0]).toMatchObject({
      event: { action: 'mongodb_login', category: ['authentication', 'database'], module: 'mongodb' },
      service: { name: 'mongodb' },
    });
  });

  it('reads a failure naming more than one client as a forged line: every address, no login counted', () => {
    const forged = events.filter((event) => event.event.action === 'log_address_forged');
    expect(forged).toHaveLength(1);
    expect(forged[0]).toMatchObject({
      '@timestamp': '2024-03-04T10:00:05.000Z',
      event: { module: 'mongodb', original: LOG[5] },
      service: { name: 'mongodb' },
      related: { ip: ['198.51.100.66', '203.0.113.124'] },
    });
    expect(forged[0]?.source).toBeUndefined();
  });

  it('holds 2.x failures for their address, and tells of those never given one', () => {
    expect(skips).toEqual([
      null,
      null,
      null,
      'mongodb-line-unused',
      null,
      null,
      null,
      'mongodb-address-pending',
      null,
      'mongodb-line-unused',
      null,
      'mongodb-line-unused',
      'mongodb-line-unused',
      'mongodb-address-pending',
      'not-mongodb-log',
    ]);
    expect(parser.notes()).toEqual(["1 failed login skipped: their connection's address was never logged"]);
  });

  it('is recognised in JSON and text alike', () => {
    for (const lines of [LOG.slice(0, 4), LOG.slice(4, 14)]) {
      const choice = chooseParser(lines);
      expect(choice.kind === 'found' && choice.parser.format).toBe('mongodb');
    }
  });
});
