import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import { squidParser } from './index.ts';

// Written for these tests after Squid's native access log format (logformat squid): requests served,
// refused by its access rules, refused for their proxy credentials, an open-proxy probe's CONNECT.
const LINES = fixtureLines(new URL('./testdata/access.log', import.meta.url));

const summary = (event: SecurityEvent) => [
  event['@timestamp'],
  event.event.action,
  event.event.outcome,
  (event.source as { ip: string }).ip,
  (event.user as { name?: string } | undefined)?.name,
  (event.url as { original: string }).original,
  event.event.reason,
];

describe("Squid's access log", () => {
  it('gives each request, refusals by its access rules and of proxy credentials as such', () => {
    const { events, skips } = parseLines(squidParser.create({}), LINES);
    expect(events.map(summary)).toEqual([
      [
        '2024-03-04T10:00:01.120Z',
        'proxy_request',
        'success',
        '10.0.0.21',
        undefined,
        'http://www.example.org/',
        'TCP_MISS/200',
      ],
      [
        '2024-03-04T10:00:02.250Z',
        'proxy_request_denied',
        'failure',
        '203.0.113.190',
        undefined,
        'http://www.example.net/azenv.php',
        'TCP_DENIED/403',
      ],
      [
        '2024-03-04T10:00:03.001Z',
        'proxy_request_denied',
        'failure',
        '203.0.113.190',
        undefined,
        'smtp.example.com:25',
        'TCP_DENIED/403',
      ],
      // A browser's first request, before it sends its credentials: no refused login.
      [
        '2024-03-04T10:00:04.010Z',
        'proxy_request',
        'failure',
        '10.0.0.22',
        undefined,
        'http://www.example.org/',
        'TCP_DENIED/407',
      ],
      [
        '2024-03-04T10:00:05.020Z',
        'proxy_auth_failure',
        'failure',
        '10.0.0.22',
        'alice',
        'http://www.example.org/',
        'TCP_DENIED/407',
      ],
      [
        '2024-03-04T10:00:06.030Z',
        'proxy_request_denied',
        'failure',
        '2001:db8::191',
        undefined,
        'error:method-not-allowed',
        'NONE/405',
      ],
      [
        '2024-03-04T10:00:07.040Z',
        'proxy_request',
        'success',
        '10.0.0.22',
        'bob smith',
        'www.example.org:443',
        'TCP_TUNNEL/200',
      ],
    ]);
    expect(events[4]).toMatchObject({
      event: { module: 'squid', dataset: 'squid.access', category: ['authentication', 'network', 'web'] },
      http: { request: { method: 'GET' }, response: { status_code: 407, body: { bytes: 4012 } } },
    });
    // A client Squid wrote as a name (log_fqdn); a line of cache.log.
    expect(skips.slice(-2)).toEqual(['squid-client-not-address', 'not-squid-access-log']);
  });

  it('is recognised by its lines', () => {
    const choice = chooseParser(LINES);
    expect(choice.kind === 'found' && choice.parser.format).toBe('squid');
  });
});
