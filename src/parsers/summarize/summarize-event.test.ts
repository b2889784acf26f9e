import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { datasetUrl } from '../../../test/support/datasets.ts';
import {
  explicitCredentials,
  failedLogon,
  kerberosPreauth,
  kerberosTgt,
  lockout,
  mssqlFailedLogin,
  ntlmValidation,
  rdpConnectionAccepted,
  rdpNlaFailed,
  rdpUserAuthenticated,
} from '../../../test/rule-pack/winlogbeat-docs.ts';
import { ndjsonParser } from '../ndjson/index.ts';
import { sshdParser } from '../sshd/index.ts';
import { windowsParser } from '../windows/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { summarizeEvent } from './index.ts';

function parse(parser: ParserDefinition, line: string): SecurityEvent {
  const events: SecurityEvent[] = [];
  expect(parser.create({ year: 2024 }).parseLine(line, (event) => events.push(event))).toBeNull();
  return events[0]!;
}
const windows = (line: string) => summarizeEvent(parse(windowsParser, line));

describe('summarizeEvent', () => {
  it.each([
    [
      failedLogon(0, 'alice', '203.0.113.9', { workstation: 'WS-12' }),
      '4625 failed logon: CORP\\alice from 203.0.113.9 (WS-12), network logon, wrong password',
    ],
    [
      failedLogon(0, 'bob', '-', { logonType: '10', workstation: 'KALI', subStatus: '0xc0000234' }),
      '4625 failed logon: CORP\\bob from workstation KALI, RDP logon, account locked out',
    ],
    [
      kerberosPreauth(0, 'carol', '10.0.0.9'),
      '4771 Kerberos pre-authentication failed: carol from 10.0.0.9, wrong password (Kerberos pre-authentication failed)',
    ],
    [
      kerberosTgt(0, 'ghost', '10.0.0.9'),
      '4768 Kerberos ticket (TGT) refused: CORP.EXAMPLE.COM\\ghost from 10.0.0.9, unknown user name (Kerberos principal unknown)',
    ],
    [
      kerberosTgt(0, 'dave', '10.0.0.9', '0x12'),
      '4768 Kerberos ticket (TGT) refused: CORP.EXAMPLE.COM\\dave from 10.0.0.9, account disabled, expired or locked out (Kerberos client revoked)',
    ],
    [
      ntlmValidation(0, 'erin', '\\\\WS-13', '0xc0000064'),
      '4776 NTLM credential validation failed: erin from workstation WS-13, unknown user name',
    ],
    [
      explicitCredentials(0, 'jdoe', 'user7', '10.0.0.10'),
      '4648 explicit credentials: CORP\\jdoe used CORP\\user7 for DC01.corp.example.com (10.0.0.10), powershell.exe',
    ],
    [lockout(0, 'dave'), '4740 account locked out: dave, caller WS-07'],
    [
      mssqlFailedLogin(0, 'sa', '10.0.0.5'),
      '18456 SQL Server login failed: sa from 10.0.0.5, wrong password',
    ],
    [rdpConnectionAccepted(7, '198.51.100.24'), '131 RDP connection accepted from 198.51.100.24 port 50007'],
    [
      rdpNlaFailed(0, '198.51.100.23'),
      '140 RDP network-level authentication failed from 198.51.100.23, wrong user name or password (network level authentication)',
    ],
    [
      rdpUserAuthenticated(0, 'alice', '10.0.0.44'),
      '1149 RDP user authenticated: CORP\\alice from 10.0.0.44',
    ],
  ])('%#: Windows', (doc, expected) => {
    expect(windows(doc)).toBe(expected);
  });

  it('gives sshd its own message, without the syslog header', () => {
    const event = parse(
      sshdParser,
      'Mar  4 10:00:00 bastion sshd[100]: Failed password for root from 1.2.3.4 port 22 ssh2',
    );
    expect(summarizeEvent(event)).toBe('Failed password for root from 1.2.3.4 port 22 ssh2');
  });

  it("summarizes a Windows event whose action or code names an object's property from its fields", () => {
    for (const [action, code] of [
      ['constructor', '4625'],
      ['logged-in', '__proto__'],
      ['toString', 'constructor'],
    ]) {
      const event = {
        '@timestamp': '2024-03-04T10:00:00Z',
        event: { action, code, provider: 'Microsoft-Windows-Security-Auditing' },
        winlog: { channel: 'Security' },
      } as SecurityEvent;
      expect(typeof summarizeEvent(event)).toBe('string');
    }
  });

  it('describes an application event from its fields', () => {
    const line = JSON.stringify({
      '@timestamp': '2024-03-04T10:00:00Z',
      event: { kind: 'event', category: ['authentication'], action: 'login', outcome: 'failure' },
      user: { name: 'alice' },
      source: { ip: '1.2.3.4' },
      url: { path: '/login' },
    });
    expect(summarizeEvent(parse(ndjsonParser, line))).toBe('login failure for alice from 1.2.3.4 on /login');
  });

  it('summarizes every record of the Windows recordings in one line, never as raw XML', () => {
    // EVTX-to-MITRE-Attack (CC0), see shared/datasets; 310 records.
    const dir = datasetUrl('windows/evtx-to-mitre-attack/jsonl/');
    const parser = windowsParser.create({});
    const summaries: string[] = [];
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.jsonl'))) {
      for (const record of readFileSync(new URL(file, dir), 'utf8').split('\n')) {
        parser.parseLine(record, (event) => summaries.push(summarizeEvent(event)));
      }
    }
    expect(summaries).toHaveLength(310);
    expect(summaries.filter((s) => s.includes('<') || s.includes('\n') || s.length > 240)).toEqual([]);
    expect(summaries).toContain(
      '18456 SQL Server login failed: unexisting-user from 10.23.23.9, SQL logins refused (Windows authentication only)',
    );
  });
});
