import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import { iisParser } from './index.ts';

// Written for these tests after IIS 10's W3C extended log: its directives, its default fields, an
// Exchange server's OWA, ActiveSync and EWS requests, and a second #Fields layout with cs-version,
// sc-bytes and a custom X-Forwarded-For field.
const LINES = fixtureLines(new URL('./testdata/u_ex240304.log', import.meta.url));

const summary = (event: SecurityEvent) => [
  event['@timestamp'],
  (event.source as { ip: string }).ip,
  (event.user as { name: string } | undefined)?.name,
  (event.http as { request: { method: string } }).request.method,
  (event.url as { original: string }).original,
  (event.http as { response: { status_code: number } }).response.status_code,
  (event.user_agent as { original: string } | undefined)?.original,
];

describe("IIS's W3C extended log", () => {
  const { events, skips } = parseLines(iisParser.create({}), LINES);

  it('gives each request as an access log request, its fields named by the last #Fields directive', () => {
    expect(events.map(summary)).toEqual([
      [
        '2024-03-04T10:00:01.000Z',
        '203.0.113.160',
        undefined,
        'POST',
        '/owa/auth.owa',
        302,
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
      ],
      [
        '2024-03-04T10:00:02.000Z',
        '203.0.113.160',
        undefined,
        'GET',
        '/owa/auth/logon.aspx?replaceCurrent=1&reason=2&url=https%3a%2f%2fmail.example.org%2fowa%2f',
        200,
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
      ],
      [
        '2024-03-04T10:00:03.000Z',
        '2001:db8::161',
        undefined,
        'POST',
        '/Microsoft-Server-ActiveSync',
        401,
        'Apple-iPhone/1905.258',
      ],
      [
        '2024-03-04T10:00:04.000Z',
        '198.51.100.162',
        'EXAMPLE\\alice',
        'GET',
        '/EWS/Exchange.asmx',
        200,
        'Microsoft Office/16.0',
      ],
      // The address IIS's socket saw, not the X-Forwarded-For the client may have written.
      ['2024-03-04T11:00:01.000Z', '203.0.113.163', undefined, 'GET', '/wp-login.php', 404, 'sqlmap/1.7'],
    ]);
    // OWA's logon page shown again with reason=2: a refused password, as an application's failed login.
    expect(events[1]).toMatchObject({
      event: { action: 'login', outcome: 'failure', category: ['authentication', 'web'] },
      service: { name: 'owa' },
    });
    expect(events[0]?.event.action).toBe('http_request');
    expect(events[2]).toMatchObject({
      event: { module: 'iis', dataset: 'web.access', outcome: 'failure', action: 'http_request' },
    });
    expect(events[4]).toMatchObject({ http: { version: '1.1', response: { body: { bytes: 1245 } } } });
    expect(events[0]).toMatchObject({
      http: { request: { referrer: 'https://mail.example.org/owa/auth/logon.aspx' } },
    });
  });

  it('skips its directives, a line its fields do not describe, and a garbled request', () => {
    expect(skips.filter((skip) => skip !== null)).toEqual([
      ...Array<string>(4).fill('iis-directive'),
      ...Array<string>(4).fill('iis-directive'),
      'iis-fields-unknown',
      'not-iis-log',
    ]);
  });

  it('takes the client behind a load balancer from X-Forwarded-For, read from the right', () => {
    const fields =
      '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status X-Forwarded-For';
    const { events } = parseLines(iisParser.create({}), [
      fields,
      // The balancer (10.0.0.20) appended the client; what the client wrote itself is on the left.
      '2024-03-04 12:00:01 10.0.0.6 POST /owa/auth.owa - 443 - 10.0.0.20 Mozilla/5.0 302 203.0.113.1,+198.51.100.190',
      '2024-03-04 12:00:02 10.0.0.6 POST /owa/auth.owa - 443 - 10.0.0.20 Mozilla/5.0 302 198.51.100.191,+10.0.0.21',
      '2024-03-04 12:00:03 10.0.0.6 POST /owa/auth.owa - 443 - 10.0.0.20 Mozilla/5.0 302 -',
      '2024-03-04 12:00:04 10.0.0.6 POST /owa/auth.owa - 443 - 10.0.0.20 Mozilla/5.0 302 not-an-address',
    ]);
    expect(events.map((event) => (event.source as { ip: string }).ip)).toEqual([
      '198.51.100.190',
      '198.51.100.191',
      '10.0.0.20',
      '10.0.0.20',
    ]);
  });

  it('is chosen for its data lines alone (sniffing passes over # lines), by the default layouts', () => {
    const choice = chooseParser(LINES.slice(4, 8));
    expect(choice.kind === 'found' && choice.parser.format).toBe('iis');
    // Without a #Fields directive, IIS 7.5's default layout (no Referer) reads too.
    const old = parseLines(iisParser.create({}), [
      '2024-03-04 10:00:05 10.0.0.5 GET /admin - 80 - 203.0.113.166 Mozilla/5.0 403 0 0 1',
    ]);
    expect(old.events.map(summary)).toEqual([
      ['2024-03-04T10:00:05.000Z', '203.0.113.166', undefined, 'GET', '/admin', 403, 'Mozilla/5.0'],
    ]);
  });
});
