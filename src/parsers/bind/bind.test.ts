import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import { bindParser } from './index.ts';

// Written for these tests after BIND 9's security-category messages (client.c, xfrout.c, update.c),
// in a logging channel's file with and without its category and severity, and through syslog.
const LINES = fixtureLines(new URL('./testdata/named.log', import.meta.url));

const summary = (event: SecurityEvent) => [
  event['@timestamp'],
  event.event.action,
  (event.source as { ip: string }).ip,
  (event.dns as { question: { name: string; type?: string } }).question,
  event.event.reason,
];

describe("BIND's own log", () => {
  const { events, skips } = parseLines(bindParser.create({}), LINES);

  it('gives each refused query, zone transfer and update, from the address BIND wrote first', () => {
    expect(events.map(summary)).toEqual([
      [
        '2024-03-04T10:00:01.123Z',
        'dns_query_denied',
        '203.0.113.150',
        { name: 'example.org', type: 'A' },
        'query (cache) denied',
      ],
      [
        '2024-03-04T10:00:02.000Z',
        'dns_zone_transfer_denied',
        '203.0.113.151',
        { name: 'example.net', type: 'AXFR' },
        'zone transfer denied',
      ],
      [
        '2024-03-04T10:00:03.000Z',
        'dns_query_denied',
        '2001:db8::152',
        { name: 'example.com', type: 'ANY' },
        'query denied (allow-query did not match)',
      ],
      [
        '2024-03-04T10:00:04.000Z',
        'dns_update_denied',
        '203.0.113.153',
        { name: 'example.com' },
        'update denied',
      ],
      [
        '2024-03-04T10:00:05.000Z',
        'dns_zone_transfer_denied',
        '203.0.113.154',
        { name: 'test.example' },
        'bad zone transfer request: non-authoritative zone (NOTAUTH)',
      ],
      // The name the client asked for holds a second client: the address is still the one BIND wrote.
      [
        '2024-03-04T10:00:06.000Z',
        'dns_query_denied',
        '203.0.113.155',
        { name: "x' denied' from 198.51.100.9#2 (y): query (cache) 'y", type: 'A' },
        'query (cache) denied',
      ],
    ]);
    expect(events[0]).toMatchObject({
      event: { category: ['network'], type: ['denied'], outcome: 'failure', module: 'bind' },
      service: { name: 'dns' },
      source: { port: 53211 },
    });
  });

  it("skips BIND's other lines, and is not taken for Tomcat's log, which writes the same time", () => {
    expect(skips.slice(-2)).toEqual(['named-line-unused', 'not-bind-log']);
    const choice = chooseParser(LINES);
    expect(choice.kind === 'found' && choice.parser.format).toBe('bind');
    expect(chooseParser(Array(5).fill(LINES.at(-1))).kind).toBe('none');
  });
});

describe("BIND's lines in syslog, read by the sshd parser", () => {
  it('are the same refusals, at the syslog time', () => {
    const { events, skips } = parse([
      "Mar  4 10:00:09 ns1 named[2954]: client 203.0.113.156#56275: zone transfer 'example.org/AXFR/IN' denied",
      "Mar  4 10:00:10 ns1 named[2954]: client @0x7fb13400eec0 203.0.113.157#61977 (.): query (cache) './ANY/IN' denied",
      'Mar  4 10:00:11 ns1 named[2954]: zone example.org/IN: loaded serial 2024030401',
    ]);
    expect(events.map(summary)).toEqual([
      [
        '2024-03-04T10:00:09.000Z',
        'dns_zone_transfer_denied',
        '203.0.113.156',
        { name: 'example.org', type: 'AXFR' },
        'zone transfer denied',
      ],
      [
        '2024-03-04T10:00:10.000Z',
        'dns_query_denied',
        '203.0.113.157',
        { name: '.', type: 'ANY' },
        'query (cache) denied',
      ],
    ]);
    expect(events[0]).toMatchObject({ host: { name: 'ns1' } });
    expect(skips.at(-1)).toBe('named-line-unused');
  });
});
