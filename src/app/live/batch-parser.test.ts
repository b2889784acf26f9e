import { describe, expect, it } from 'vitest';
import { BatchParser } from './batch-parser.ts';

const hit = (id: string, source: Record<string, unknown>) => ({
  _index: 'winlogbeat-1',
  _id: id,
  sort: [1],
  _source: source,
});
const time = '2026-03-02T10:00:00.000Z';

describe('BatchParser', () => {
  it('counts a search hit nested 100,000 deep as a too-deep skip and reads the rest of the page', () => {
    // The answer of a cluster is parsed whole (JSON.parse does not recurse); the hit is built the same way.
    const deep = JSON.parse(
      `{"@timestamp":"${time}","x":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
    ) as Record<string, unknown>;
    const parser = new BatchParser(undefined, () => Date.parse(time));
    const parsed = parser.parse({
      kind: 'documents',
      documents: [hit('1', deep), hit('2', { '@timestamp': time, 'event.code': '4625' })],
      position: null,
    });
    expect(parsed.skipped).toEqual({ 'too-deep': 1 });
    expect(parsed.events).toHaveLength(1);
    expect(parsed.events[0]?.klaxon).toEqual({ hit: { index: 'winlogbeat-1', id: '2' } });
  });

  it("reads a followed log's times without a zone in the source's zone, those with one as written", () => {
    const parser = new BatchParser('sshd', () => Date.parse(time), 'America/New_York');
    const parsed = parser.parse({
      kind: 'lines',
      input: '/var/log/auth.log',
      lines: [
        'Mar  2 05:00:00 web-01 sshd[4242]: Failed password for root from 203.0.113.7 port 52311 ssh2',
        '2026-03-02T05:00:01+00:00 web-01 sshd[4242]: Failed password for root from 203.0.113.7 port 52311 ssh2',
      ],
      position: null,
    });
    expect(parsed.events.map((event) => event['@timestamp'])).toEqual([time, '2026-03-02T05:00:01.000Z']);
    expect(parsed.times).toEqual([Date.parse(time), Date.parse('2026-03-02T05:00:01.000Z')]);
  });

  it('counts too-deep and too-long lines of a followed file by reason', () => {
    const parser = new BatchParser('ndjson', () => Date.parse(time));
    const good = JSON.stringify({ '@timestamp': time, event: { action: 'login' } });
    const parsed = parser.parse({
      kind: 'lines',
      input: '/var/log/app.ndjson',
      lines: [good, `{"@timestamp":"${time}","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, good],
      position: null,
    });
    expect(parsed.skipped).toEqual({ 'too-deep': 1 });
    expect(parsed.events).toHaveLength(2);
  });

  it('reads a search hit that holds an NXLog document (HELK, OTRF) as the Windows event it stands for', () => {
    const parser = new BatchParser(undefined, () => Date.parse(time));
    const parsed = parser.parse({
      kind: 'documents',
      documents: [
        hit('7', {
          '@timestamp': time,
          EventID: 4625,
          SourceName: 'Microsoft-Windows-Security-Auditing',
          Channel: 'Security',
          Hostname: 'DC01',
          TargetUserName: 'alice',
          LogonType: '10',
          IpAddress: '203.0.113.88',
          Status: '0xc000006d',
          SubStatus: '0xc000006a',
        }),
      ],
      position: null,
    });
    expect(parsed.events).toHaveLength(1);
    expect(parsed.events[0]).toMatchObject({
      event: { code: '4625', action: 'logon-failed', outcome: 'failure' },
      user: { name: 'alice' },
      source: { ip: '203.0.113.88' },
      winlog: { logon: { type: 'RemoteInteractive' } },
      klaxon: { hit: { index: 'winlogbeat-1', id: '7' } },
    });
  });
});
