import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatWinlogbeatDoc } from './winlogbeat-doc.ts';
import { generateDemoWindows } from './demo-windows.ts';
import { createRandom } from './prng.ts';
import type { WindowsAuthEvent, WindowsEventCode } from './windows-event.ts';
import { datasetUrl } from '../../test/support/datasets.ts';

const REAL_DIR = datasetUrl('windows/evtx-to-mitre-attack/jsonl/');

/** The first real record of each event code in the lab dataset. */
function readRealRecords(): Map<string, { winlog: { event_data: Record<string, string> } }> {
  const byCode = new Map();
  for (const file of readdirSync(REAL_DIR).filter((name) => name.endsWith('.jsonl'))) {
    for (const line of readFileSync(new URL(file, REAL_DIR), 'utf8').split('\n').filter(Boolean)) {
      const doc = JSON.parse(line);
      if (!byCode.has(doc.event.code)) byCode.set(doc.event.code, doc);
    }
  }
  return byCode;
}

const base = {
  at: Date.UTC(2025, 2, 4, 3, 40),
  computer: 'RDS01.corp.example.com',
  recordId: 4_753_366,
  domainNetbios: 'CORP',
  domainDns: 'corp.example.com',
};
const samples: Record<WindowsEventCode, WindowsAuthEvent> = {
  '4624': {
    ...base,
    code: '4624',
    user: 'alice',
    domain: 'CORP',
    ip: '10.20.1.11',
    port: 50_123,
    logonType: 3,
    authPackage: 'Kerberos',
  },
  '4625': {
    ...base,
    code: '4625',
    user: 'administrator',
    domain: 'RDS01',
    ip: '203.0.113.88',
    port: 0,
    workstation: '-',
    logonType: 10,
  },
  '4771': { ...base, code: '4771', user: 'bruno', domain: 'CORP', ip: '10.20.1.12', port: 61_000 },
  '4776': {
    ...base,
    code: '4776',
    user: 'carla',
    domain: 'CORP',
    workstation: 'WS-03',
    status: '0xc000006a',
  },
};

describe('formatWinlogbeatDoc', () => {
  const real = readRealRecords();

  it.each(Object.keys(samples))(
    'gives %s the event_data fields of the real records, in their order',
    (code) => {
      const doc = JSON.parse(formatWinlogbeatDoc(samples[code as WindowsEventCode]));
      expect(Object.keys(doc.winlog.event_data)).toEqual(Object.keys(real.get(code)!.winlog.event_data));
    },
  );

  it('writes an RDP failure as Winlogbeat ships it', () => {
    const doc = JSON.parse(formatWinlogbeatDoc(samples['4625']));
    expect(doc).toMatchObject({
      '@timestamp': '2025-03-04T03:40:00.000Z',
      event: {
        code: '4625',
        provider: 'Microsoft-Windows-Security-Auditing',
        action: 'logon-failed',
        outcome: 'failure',
      },
      host: { name: 'RDS01.corp.example.com' },
      winlog: {
        channel: 'Security',
        event_id: '4625',
        computer_name: 'RDS01.corp.example.com',
        record_id: 4_753_366,
        logon: { type: 'RemoteInteractive' },
        event_data: {
          TargetUserName: 'administrator',
          TargetDomainName: 'RDS01',
          LogonType: '10',
          Status: '0xc000006d',
          SubStatus: '0xc000006a',
          IpAddress: '203.0.113.88',
          IpPort: '0',
          WorkstationName: '-',
        },
      },
      source: { ip: '203.0.113.88' },
      user: { name: 'administrator', domain: 'RDS01' },
    });
  });

  it('takes the address out of the IPv4-mapped form for a Kerberos failure and gives NTLM validation none', () => {
    const kerberos = JSON.parse(formatWinlogbeatDoc(samples['4771']));
    expect(kerberos.winlog.event_data.IpAddress).toBe('::ffff:10.20.1.12');
    expect(kerberos.source).toEqual({ ip: '10.20.1.12', port: 61_000 });
    const ntlm = JSON.parse(formatWinlogbeatDoc(samples['4776']));
    expect(ntlm.source?.ip).toBeUndefined();
    expect(ntlm.event.outcome).toBe('failure');
  });
});

describe('generateDemoWindows', () => {
  it('writes valid Winlogbeat documents with the fields every Security event carries', () => {
    const { lines } = generateDemoWindows(Date.UTC(2025, 2, 4), createRandom(3));
    const codes = new Set<string>();
    for (const line of lines) {
      const doc = JSON.parse(line);
      codes.add(doc.event.code);
      expect(doc['@timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(doc.event.code).toBe(doc.winlog.event_id);
      expect(typeof doc.event.code).toBe('string');
      expect(doc.event.provider).toBe('Microsoft-Windows-Security-Auditing');
      expect(doc.winlog.channel).toBe('Security');
      expect(doc.host.name).toBe(doc.winlog.computer_name);
      expect(doc.winlog.event_data.TargetUserName).toBe(doc.user.name);
      if (doc.event.code === '4625') {
        expect(doc.winlog.event_data).toHaveProperty('SubStatus');
        expect(['2', '3', '10']).toContain(doc.winlog.event_data.LogonType);
      }
    }
    expect([...codes].sort()).toEqual(['4624', '4625', '4771', '4776']);
  });

  it('numbers each computer’s records upwards in time order', () => {
    const { lines } = generateDemoWindows(Date.UTC(2025, 2, 4), createRandom(3));
    const last = new Map<string, number>();
    for (const doc of lines.map((line) => JSON.parse(line))) {
      expect(doc.winlog.record_id).toBeGreaterThan(last.get(doc.host.name) ?? 0);
      last.set(doc.host.name, doc.winlog.record_id);
    }
  });
});
