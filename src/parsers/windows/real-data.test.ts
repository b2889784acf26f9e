import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { getField } from '../../core/index.ts';
import { windowsParser } from './index.ts';
import { datasetUrl } from '../../../test/support/datasets.ts';

// Lab-recorded Windows attack logs (EVTX-to-MITRE-Attack, CC0), converted to Winlogbeat-shaped
// JSON lines; see shared/datasets/README.md. Expected counts below were taken independently with
// jq, from the directory shared/datasets/windows/evtx-to-mitre-attack/jsonl.
const DATASET = datasetUrl('windows/evtx-to-mitre-attack/jsonl/');

function parseDataset(): { events: SecurityEvent[]; skipped: Record<string, number> } {
  const parser = windowsParser.create({});
  const events: SecurityEvent[] = [];
  const skipped: Record<string, number> = {};
  for (const file of readdirSync(DATASET).filter((name) => name.endsWith('.jsonl'))) {
    for (const line of readFileSync(new URL(file, DATASET), 'utf8').split('\n')) {
      const reason = parser.parseLine(line, (event) => events.push(event));
      if (reason !== null) skipped[reason] = (skipped[reason] ?? 0) + 1;
    }
  }
  return { events, skipped };
}

const { events, skipped } = parseDataset();
const withCode = (code: string) => events.filter((event) => event.event.code === code);
const source = (event: SecurityEvent) => (event.source ?? {}) as Record<string, unknown>;
const tally = (values: unknown[]) =>
  values.reduce<Record<string, number>>((counts, value) => {
    counts[String(value)] = (counts[String(value)] ?? 0) + 1;
    return counts;
  }, {});

describe('windowsParser on the EVTX-to-MITRE-Attack JSON lines', () => {
  it('parses every record; only the final newline of each of the 12 files is skipped', () => {
    // cat *.jsonl | wc -l  → 310
    expect(events).toHaveLength(310);
    expect(skipped).toEqual({ blank: 12 });
    expect(
      events.every((event) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(event['@timestamp'])),
    ).toBe(true);
  });

  it('finds 28 failed logons (4625): 2 with a source address, 26 with only the workstation name', () => {
    // cat *.jsonl | jq -r 'select(.event.code=="4625") | .winlog.event_data.IpAddress' | sort | uniq -c
    //   → 26 "-", 2 "10.23.23.9";  the 26 have WorkstationName FS01 (10) or WIN (16)
    const failures = withCode('4625');
    expect(failures).toHaveLength(28);
    expect(
      failures.every((event) => event.event.action === 'logon-failed' && event.event.outcome === 'failure'),
    ).toBe(true);
    expect(tally(failures.map((event) => source(event).ip))).toEqual({ '10.23.23.9': 2, undefined: 26 });
    const domainOnly = failures.filter((event) => source(event).ip === undefined);
    expect(tally(domainOnly.map((event) => source(event).domain))).toEqual({ FS01: 10, WIN: 16 });
    // ... | jq -r 'select(.event.code=="4625") | .winlog.event_data.SubStatus' | sort | uniq -c
    //   → 21 0xc000006a, 5 0xc0000064, 2 0x00000000 (Status 0xc000006e)
    expect(tally(failures.map((event) => event.event.reason))).toEqual({
      'wrong password': 21,
      'unknown user name': 5,
      'account restriction prevented the logon': 2,
    });
    // ... | jq -r 'select(.event.code=="4625") | .winlog.event_data.LogonType' | sort | uniq -c → 16 "2", 10 "8", 2 "10"
    expect(tally(failures.map((event) => getField(event, 'winlog.logon.type')))).toEqual({
      Interactive: 16,
      NetworkCleartext: 10,
      RemoteInteractive: 2,
    });
  });

  it('finds 78 Kerberos pre-authentication failures (4771), all from 10.23.123.11 with a wrong password', () => {
    // cat *.jsonl | jq -r 'select(.event.code=="4771") | [.winlog.event_data.IpAddress, .winlog.event_data.Status] | @tsv' | sort | uniq -c
    //   → 78 "::ffff:10.23.123.11  0x00000018"
    const failures = withCode('4771');
    expect(failures).toHaveLength(78);
    expect(tally(failures.map((event) => source(event).ip))).toEqual({ '10.23.123.11': 78 });
    expect(tally(failures.map((event) => event.event.reason))).toEqual({
      'wrong password (Kerberos pre-authentication failed)': 78,
    });
    expect(failures.every((event) => typeof source(event).port === 'number')).toBe(true);
  });

  it('finds 5 failed credential validations (4776) with no address, keyed by workstation FS01', () => {
    // cat *.jsonl | jq -r 'select(.event.code=="4776") | [.winlog.event_data.Workstation, .winlog.event_data.Status] | @tsv' | sort | uniq -c
    //   → 5 "FS01  0xc0000064"  (4776 has no IpAddress field)
    const validations = withCode('4776');
    expect(validations).toHaveLength(5);
    expect(validations.map((event) => event.source)).toEqual(Array(5).fill({ domain: 'FS01' }));
    expect(tally(validations.map((event) => `${event.event.outcome}: ${event.event.reason}`))).toEqual({
      'failure: unknown user name': 5,
    });
  });

  it('finds 70 Kerberos ticket requests (4768): 8 granted, 46 for unknown users, 16 for revoked accounts', () => {
    // cat *.jsonl | jq -r 'select(.event.code=="4768") | .winlog.event_data.Status' | sort | uniq -c
    //   → 8 0x00000000, 46 0x00000006, 16 0x00000012
    expect(tally(withCode('4768').map((event) => event.event.outcome))).toEqual({ success: 8, failure: 62 });
    expect(
      tally(withCode('4768').map((event) => getField(event, 'winlog.event_data.StatusDescription'))),
    ).toEqual({
      KDC_ERR_NONE: 8,
      KDC_ERR_C_PRINCIPAL_UNKNOWN: 46,
      KDC_ERR_CLIENT_REVOKED: 16,
    });
  });

  it('reads the SQL Server failed logins (18456, and 33205 audit records of action LGIF) with address, login and reason', () => {
    // cat *.jsonl | jq -r 'select(.event.code=="18456" or .event.code=="33205") | .event.code' | sort | uniq -c → 6 18456, 105 33205
    // cat ID33205*.jsonl | jq -r .winlog.event_data.param1 | grep -c 'action_id:LGIF' → 105; grep -c 'succeeded:false' → 105
    const logins = [...withCode('18456'), ...withCode('33205')];
    expect(logins).toHaveLength(111);
    expect(logins.every((event) => event.event.action === 'mssql-login-failed')).toBe(true);
    expect(logins.every((event) => event.event.outcome === 'failure')).toBe(true);
    // ... | grep -o 'client_ip:[^ ]*\|CLIENT: [0-9.]*' → 39 from 10.23.23.9 (6+6+27), 72 from 10.23.123.11
    expect(tally(logins.map((event) => source(event).ip))).toEqual({ '10.23.23.9': 39, '10.23.123.11': 72 });
    const sa = logins.filter((event) => getField(event, 'user.name') === 'sa');
    // cat ID33205*.jsonl | jq -r '.winlog.event_data.param1 | select(test("server_principal_name:sa\n"))
    //   | capture("statement:(?<s>[^\n]*)").s' | sort | uniq -c → 27 "Password did not match … 10.23.23.9", 3 "… 10.23.123.11"
    expect(tally(sa.map((event) => `${event.event.reason} from ${source(event).ip}`))).toEqual({
      'wrong password from 10.23.23.9': 27,
      'wrong password from 10.23.123.11': 3,
    });
  });

  it('maps the denied RDP connections (4825) as failed authentications of their account from their client', () => {
    expect(withCode('4825')).toHaveLength(2);
    for (const event of withCode('4825')) {
      expect(event.event).toMatchObject({
        action: 'rdp-access-denied',
        outcome: 'failure',
        category: ['authentication'],
      });
      expect(event.user).toEqual({ name: 'svc6test1', domain: 'OFFSEC' });
      expect(event.source).toEqual({ ip: '10.23.23.9' });
    }
  });
});
