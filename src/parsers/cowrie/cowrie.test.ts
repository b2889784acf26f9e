import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { cowrieParser } from './index.ts';

import { CLOSED, CONNECT, cowrieRecord, FAILED, SUCCESS } from './testdata/records.ts';

function parse(lines: string[]): { events: SecurityEvent[]; skips: (string | null)[] } {
  const parser = cowrieParser.create({});
  const events: SecurityEvent[] = [];
  const skips = lines.map((line) => parser.parseLine(line, (event) => events.push(event)));
  return { events, skips };
}

describe('cowrie parser', () => {
  const { events, skips } = parse([CONNECT, FAILED, SUCCESS, CLOSED]);

  it('maps sessions and logins to ECS with the session source port', () => {
    expect(skips).toEqual([null, null, null, null]);
    expect(
      events.map((e) => [
        e.event.action,
        e.event.outcome,
        (e.user as { name: string } | undefined)?.name,
        e.source,
      ]),
    ).toEqual([
      ['cowrie.session.connect', undefined, undefined, { ip: '203.0.113.7', port: 52114 }],
      ['cowrie.login.failed', 'failure', 'admin', { ip: '203.0.113.7', port: 52114 }],
      ['cowrie.login.success', 'success', 'root', { ip: '203.0.113.7', port: 52114 }],
      ['cowrie.session.closed', undefined, undefined, { ip: '203.0.113.7', port: 52114 }],
    ]);
    expect(events[1]).toMatchObject({
      '@timestamp': '2024-03-04T10:00:01.654Z',
      service: { name: 'cowrie' },
      observer: { name: 'hp-eu-1' },
      cowrie: { session: 'a1b2c3d4' },
      message: 'login attempt for admin from 203.0.113.7 failed',
    });
  });

  it('never carries the tried password, not even in the evidence', () => {
    for (const event of events) {
      const shown = JSON.stringify(event);
      expect(shown).not.toContain('hunter2secret');
      expect(shown).not.toContain('toor-secret');
    }
    expect(JSON.parse(events[1]?.event.original as string)).toMatchObject({ password: '[not shown]' });
  });

  it("keeps only Cowrie's own fields as evidence: another may hold the password (found by fuzzing)", () => {
    const odd = cowrieRecord({
      eventid: 'cowrie.login.failed',
      src_ip: '203.0.113.8',
      username: 'admin',
      password: { not: 'a string' },
      m$essage: 'login attempt [admin/hunter2secret] failed',
    });
    const [event] = parse([odd]).events;
    expect(JSON.stringify(event)).not.toContain('hunter2secret');
    expect(JSON.parse(event?.event.original as string)).toEqual({
      eventid: 'cowrie.login.failed',
      src_ip: '203.0.113.8',
      username: 'admin',
      password: '[not shown]',
      sensor: 'hp-eu-1',
      timestamp: '2024-03-04T10:00:01.654321Z',
      session: 'a1b2c3d4',
    });
  });

  it('forgets a session port once the session closes', () => {
    const after = parse([CONNECT, CLOSED, FAILED]).events;
    expect(after[2]?.source).toEqual({ ip: '203.0.113.7' });
  });

  it('counts and skips garbled and unmapped records', () => {
    expect(
      parse([
        '{"eventid": "cowrie.login.failed"',
        '[1,2]',
        '{"eventid":"cowrie.command.input","src_ip":"203.0.113.7","timestamp":"2024-03-04T10:00:00Z"}',
        '{"eventid":"cowrie.login.failed","timestamp":"2024-03-04T10:00:00Z"}',
        '{"eventid":"cowrie.login.failed","src_ip":"203.0.113.7","timestamp":"yesterday"}',
        '{"event":{"action":"login"}}',
        '{"eventid":"cowrie.login.failed","src_ip":"not-an-ip","timestamp":"2024-03-04T10:00:00Z"}',
      ]).skips,
    ).toEqual([
      'invalid-json',
      'invalid-json',
      'cowrie-event-not-mapped',
      'malformed-cowrie-event',
      'malformed-cowrie-event',
      'not-cowrie',
      'malformed-cowrie-event',
    ]);
  });

  it('is chosen over the generic ndjson parser for a Cowrie log', () => {
    const choice = chooseParser([CONNECT, FAILED, SUCCESS, CLOSED]);
    expect(choice.kind === 'found' && choice.parser.format).toBe('cowrie');
  });
});
