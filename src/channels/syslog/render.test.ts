import { describe, expect, it } from 'vitest';
import { HOSTILE_INCIDENT, SAMPLE_INCIDENT, sampleNotification } from '../testdata/notifications.ts';
import { renderSyslog } from './render.ts';
import { syslogConfigSchema } from './schema.ts';

const json = syslogConfigSchema.parse({ host: 'siem.example.com', hostname: 'klaxon-1', transport: 'tcp' });
const cef = syslogConfigSchema.parse({
  host: 'siem.example.com',
  hostname: 'klaxon-1',
  transport: 'tcp',
  format: 'cef',
});
const HEADER =
  '<163>1 2017-03-30T15:55:03.000Z klaxon-1 klaxon - opened [klaxon@32473 id="ntf-42-opened-soc" channel="soc" sequence="17" serial="42" priority="P2"] ';

function jsonBody(message: string): Record<string, unknown> {
  return JSON.parse(message.slice(message.indexOf('] ') + 2)) as Record<string, unknown>;
}

describe('renderSyslog as JSON', () => {
  it('writes an RFC 5424 header with facility local4, severity by priority, and the ids as structured data', () => {
    expect(renderSyslog(sampleNotification(), json).message.startsWith(HEADER)).toBe(true);
  });

  it('carries machine fields from the incident and words from the shared message', () => {
    const body = jsonBody(renderSyslog(sampleNotification(), json).message);
    expect(body).toMatchObject({
      timestamp: '2017-03-30T15:55:03.000Z',
      notification: { id: 'ntf-42-opened-soc', kind: 'opened', channel: 'soc', sequence: 17 },
      title: '[P2] #42 SSH brute force from one address — opened',
      link: 'https://klaxon.example.com/incidents/42',
      incident: {
        serial: 42,
        rule_id: 'ssh-brute-force-source',
        group: { 'source.ip': '24.151.103.17' },
        count: 147,
        first_seen: '2017-03-30T15:54:19.000Z',
        attack: ['T1110.001', 'T1021.004'],
      },
      facts: { 'who/where': 'source.ip=24.151.103.17' },
    });
    expect(body.evidence).toHaveLength(1);
  });

  it('sends a resolution as a notice, not at the incident priority', () => {
    const resolved = sampleNotification({
      kind: 'resolved',
      incident: { ...SAMPLE_INCIDENT, status: 'resolved' },
    });
    expect(renderSyslog(resolved, json).message).toMatch(/^<165>1 .* resolved \[/);
  });

  it('drops evidence, then facts, to fit a UDP datagram, keeping valid JSON', () => {
    const samples = Array.from({ length: 50 }, (_, i) => ({
      '@timestamp': '2017-03-30T15:54:19.000Z',
      event: { original: `line ${i} ${'y'.repeat(250)}` },
    }));
    const message = renderSyslog(sampleNotification({ incident: { ...SAMPLE_INCIDENT, samples } }), {
      ...json,
      transport: 'udp',
    }).message;
    expect(Buffer.byteLength(message)).toBeLessThanOrEqual(2048);
    const body = jsonBody(message);
    expect(body).not.toHaveProperty('evidence');
    expect(body).toMatchObject({
      incident: { serial: 42 },
      facts: { 'who/where': 'source.ip=24.151.103.17' },
    });
  });

  it('cuts bytes only when even the shortest form cannot fit', () => {
    const config = { ...json, hostname: 'h'.repeat(255), app_name: 'a'.repeat(48), max_bytes: 480 };
    const message = renderSyslog(
      sampleNotification({ id: 'n'.repeat(64), channel: 'c'.repeat(64) }),
      config,
    ).message;
    expect(Buffer.byteLength(message)).toBeLessThanOrEqual(480);
    expect(message.startsWith('<163>1 ')).toBe(true);
  });

  it('escapes quotes, backslashes and brackets in structured data values', () => {
    const message = renderSyslog(sampleNotification({ channel: 'soc"]\\x' }), json).message;
    expect(message).toContain('channel="soc\\"\\]\\\\x"');
  });

  it('sends only serial, priority, status and link at link detail', () => {
    const body = jsonBody(renderSyslog(sampleNotification({ detail: 'link' }), json).message);
    expect(body.incident).toEqual({ serial: 42, priority: 'P2', status: 'open' });
    expect(JSON.stringify(body)).not.toContain('24.151.103.17');
  });
});

describe('renderSyslog as CEF', () => {
  it('writes the CEF header and maps the group to src, with counts and times', () => {
    const message = renderSyslog(sampleNotification(), cef).message;
    expect(message.slice(HEADER.length)).toBe(
      'CEF:0|Klaxon|Klaxon|0.1|ssh-brute-force-source|[P2] #42 SSH brute force from one address — opened|8|' +
        'rt=1490889303000 externalId=42 cat=opened cn1Label=sequence cn1=17 cs3Label=dashboard cs3=https://klaxon.example.com/incidents/42 ' +
        'src=24.151.103.17 cnt=147 start=1490889259000 end=1490889695000 cs1Label=attack cs1=T1110.001,T1021.004 cs2Label=status cs2=open ' +
        'msg=who/where: source.ip\\=24.151.103.17; how often: 147 events from 2017-03-30T15:54:19Z to 2017-03-30T16:01:35Z; ' +
        'severity: high, confidence medium; ATT&CK: T1110.001 Brute Force: Password Guessing; T1021.004 Remote Services: SSH; ' +
        'runbook: Block the address at the edge; check for an Accepted login from it.',
    );
  });

  it('escapes pipes in the header and equals signs, backslashes and line breaks in extensions', () => {
    const incident = {
      ...HOSTILE_INCIDENT,
      title: 'a|b\\c\nd',
      group: { 'user.name': 'x=y\\z\r\nsrc=6.6.6.6', 'source.ip': 'not-an-ip' },
    };
    const message = renderSyslog(sampleNotification({ incident }), cef).message;
    expect(message).toContain('|[P2] #43 a\\|b\\\\c d — opened|8|');
    expect(message).toContain(' suser=x\\=y\\\\z\\r\\nsrc\\=6.6.6.6 ');
    expect(message).not.toMatch(/ src=/);
    expect(message).not.toMatch(/[\r\n]/);
  });

  it('uses a klaxon signature and low severity for Klaxon notices', () => {
    const message = renderSyslog(
      sampleNotification({
        kind: 'heartbeat',
        incident: undefined,
        heartbeat: { lastSerial: 42, deadLetters: 0 },
      }),
      cef,
    ).message;
    expect(message).toContain(
      'CEF:0|Klaxon|Klaxon|0.1|klaxon-heartbeat|Klaxon is alive|0|rt=1490889303000 cat=heartbeat',
    );
  });
});
