import { describe, expect, it } from 'vitest';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import { chooseParser } from '../registry.ts';
import { grafanaParser } from './index.ts';
import { readLogfmt } from './read-logfmt.ts';

// Grafana log lines written for these tests after its logfmt log: 7's `t=... lvl=eror`, 8's
// `logger=... t=... level=error`, 9's authn service.
const LOG = fixtureLines(new URL('./testdata/grafana.log', import.meta.url));

describe("Grafana's log", () => {
  const parser = grafanaParser.create({});
  const { events, skips } = parseLines(parser, LOG);

  it("gives each refused login from its remote_addr, whatever the error's quoted text holds", () => {
    expect(
      events.map((event) => [event['@timestamp'], (event.source as { ip: string }).ip, event.event.reason]),
    ).toEqual([
      ['2024-03-04T09:00:01.000Z', '203.0.113.150', 'Invalid Username or Password'],
      ['2024-03-04T09:00:02.000Z', '203.0.113.151', 'User not found'],
      ['2024-03-04T10:00:03.123Z', '2001:db8::152', 'invalid username or password'],
      [
        '2024-03-04T10:00:04.500Z',
        '203.0.113.153',
        '[password-auth.failed] failed to authenticate identity: [identity.not-found] no user found "remote_addr=198.51.100.66"',
      ],
      // log.console.format = json, as the CrowdSec hub's grafana-logs test has it.
      ['2024-03-04T08:00:08.035Z', '203.0.113.157', 'user not found'],
    ]);
    expect(events[0]).toMatchObject({ event: { action: 'login', outcome: 'failure', module: 'grafana' } });
    // An expired session tried no password; a completed request is none; a quote left open is no logfmt.
    expect(skips.slice(-4, -1)).toEqual(['grafana-line-unused', 'grafana-line-unused', 'not-grafana-log']);
  });

  it('is recognised by its logfmt and time', () => {
    const choice = chooseParser(LOG);
    expect(choice.kind === 'found' && choice.parser.format).toBe('grafana');
  });
});

describe("Grafana 10's and 11's log", () => {
  // The first line is the CrowdSec hub's grafana-bf test line (Grafana 10's answer to a refused
  // password); the others were written for this test after it and the authn service's line.
  const LOG10 = fixtureLines(new URL('./testdata/grafana-10.log', import.meta.url));

  it("counts a refused password once where the authn service and the request's answer both tell it", () => {
    const { events, skips } = parseLines(grafanaParser.create({}), LOG10);
    expect(events.map((event) => [event['@timestamp'], (event.source as { ip: string }).ip])).toEqual([
      ['2024-02-06T07:24:56.503Z', '192.168.1.3'],
      // Two addresses at once: each answer pairs with its own address's authn line.
      ['2024-03-04T10:00:00.100Z', '203.0.113.160'],
      ['2024-03-04T10:00:00.150Z', '203.0.113.161'],
      ['2024-03-04T10:00:01.100Z', '203.0.113.160'],
      // An answer with no authn line near it (a version that writes only the answer) counts.
      ['2024-03-04T10:00:09.000Z', '203.0.113.160'],
    ]);
    expect(skips.filter((skip) => skip !== null)).toEqual([
      'grafana-line-repeated',
      'grafana-line-repeated',
      'grafana-line-repeated',
      // An Unauthorized answer that refused no password (an API key) is none.
      'grafana-line-unused',
    ]);
  });
});

describe('readLogfmt', () => {
  it('reads bare and quoted values, escapes included, and refuses what is not logfmt', () => {
    expect(readLogfmt('a=1 b="x \\"y\\" z" c=')).toEqual(
      new Map([
        ['a', '1'],
        ['b', 'x "y" z'],
        ['c', ''],
      ]),
    );
    expect(readLogfmt('a=1 bare words')).toBeUndefined();
    expect(readLogfmt('a="open')).toBeUndefined();
  });
});
