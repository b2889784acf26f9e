import { describe, expect, it } from 'vitest';
import { fixtureLines } from '../testdata/fixture-lines.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';

// HAProxy log lines written for these tests after its `option httplog` format, as syslog writes
// them: requests answered 401, 403 and 200 (with captured headers and a byte count that says the
// log was written early), a request line holding a second log line, a start-up message, a TCP log.
const HAPROXY = fixtureLines(new URL('../sshd/testdata/haproxy.log', import.meta.url));

const summary = (event: SecurityEvent) => [
  event['@timestamp'],
  (event.source as { ip: string }).ip,
  (event.http as { request?: { method?: string } }).request?.method,
  (event.url as { original: string }).original,
  (event.http as { response: { status_code: number } }).response.status_code,
];

describe("HAProxy's HTTP log in syslog, read by the sshd parser", () => {
  const { events, skips } = parse(HAPROXY);

  it('gives each request as an access log line: the client HAProxy wrote first, the request line last', () => {
    expect(events.map(summary)).toEqual([
      ['2024-03-04T10:00:01.000Z', '203.0.113.100', 'GET', '/admin/', 401],
      ['2024-03-04T10:00:02.000Z', '2001:db8::101', 'POST', '/wp-login.php', 403],
      ['2024-03-04T10:00:03.000Z', '203.0.113.102', 'GET', '/index.html?q=%22x', 200],
      ['2024-03-04T10:00:04.000Z', '203.0.113.103', undefined, expect.stringContaining('198.51.100.66'), 404],
    ]);
    expect(events[0]).toMatchObject({
      event: { dataset: 'web.access', action: 'http_request', outcome: 'failure' },
      http: { response: { body: { bytes: 5168 } } },
      host: { name: 'edge' },
    });
  });

  it("skips HAProxy's other messages and its TCP log", () => {
    expect(skips.slice(-2).every((skip) => skip !== null)).toBe(true);
  });
});
