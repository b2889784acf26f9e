import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/app/index.ts';
import type { Detection, SecurityEvent } from '../../src/core/index.ts';
import { createDetectionEngine } from '../../src/detection/index.ts';
import { windowsParser } from '../../src/parsers/index.ts';
import { datasetUrl } from '../support/datasets.ts';

// The shipped pack on each lab recording of EVTX-to-MITRE-Attack (CC0; see the dataset's
// SOURCE.md), one file at a time. Expectations were counted with jq in the dataset's jsonl
// directory, without Klaxon; every recording spans less than a minute, so each count falls in
// one rule window. FAILED below stands for the Windows failures the spray rules count:
//   select(.event.code=="4625" or .event.code=="4771" or ((.event.code=="4768" or .event.code=="4776") and (.winlog.event_data.Status|test("^0x0+$")|not)))
const DATASET = datasetUrl('windows/evtx-to-mitre-attack/jsonl/');
const rules = await loadRules(undefined);

function incidents(file: string): string[] {
  const parser = windowsParser.create({});
  const events: SecurityEvent[] = [];
  for (const line of readFileSync(new URL(file, DATASET), 'utf8').split('\n')) {
    parser.parseLine(line, (event) => events.push(event));
  }
  events.sort((a, b) => a['@timestamp'].localeCompare(b['@timestamp']));
  const opened: Detection[] = [];
  const engine = createDetectionEngine({ rules, emit: (d) => d.state === 'opened' && opened.push(d) });
  engine.pushBatch(events);
  engine.flush();
  return opened.map((d) => `${d.ruleId} ${JSON.stringify(d.group)}`).sort();
}

describe('the shipped pack on the EVTX-to-MITRE-Attack recordings', () => {
  it.each([
    [
      // jq -r 'FAILED | [.winlog.event_data.IpAddress, .winlog.event_data.TargetUserName] | @tsv' | sort -u | cut -f1 | uniq -c
      //   → 49 accounts, 49 failures, all from ::ffff:10.23.123.11: a spray and ≥ 10 Kerberos failures from one address
      'ID4768-4771-Kerberos_brutforce_with_non_existing_users.jsonl',
      // jq -r 'select(.event.code=="4768" and .winlog.event_data.PreAuthType=="0") | .winlog.event_data | [.TargetUserName, .Status] | @tsv'
      //   → admin-test 0x00000000: a ticket issued without pre-authentication (AS-REP roastable)
      [
        'password-spray-source {"source.ip":"10.23.123.11"}',
        'windows-asrep-roasting {"user.name":"admin-test"}',
        'windows-kerberos-failures-source {"source.ip":"10.23.123.11"}',
      ],
    ],
    [
      // same command → 37 accounts, 37 failures from ::ffff:10.23.123.11
      'ID4768-4771-Kerberos_user_enumeration_Kerbrute.jsonl',
      // the same jq → admin-test and hacker2: Kerbrute's enumeration got their tickets without
      // pre-authentication, which it dumps as crackable hashes
      [
        'password-spray-source {"source.ip":"10.23.123.11"}',
        'windows-asrep-roasting {"user.name":"admin-test"}',
        'windows-asrep-roasting {"user.name":"hacker2"}',
        'windows-kerberos-failures-source {"source.ip":"10.23.123.11"}',
      ],
    ],
    [
      // jq -r 'select(.event.code=="4771") | [.winlog.event_data.IpAddress, .winlog.event_data.TargetUserName] | @tsv' | sort | uniq -c
      //   → 54 "::ffff:10.23.123.11 admin-hacker": one account (no spray), ≥ 10 per account and per address
      'ID4771-Kerberos_brutforce_with_valid_user.jsonl',
      [
        'windows-kerberos-failures-source {"source.ip":"10.23.123.11"}',
        'windows-kerberos-preauth-failures {"user.name":"admin-hacker"}',
      ],
    ],
    [
      // jq -r .winlog.event_data.param3 → 6 × " [CLIENT: 10.23.23.9]", param1 unexisting-user: ≥ 5 per address, < 10 per login
      'ID18456-SQL_Server_failed_login_because_only_Windows_auth.jsonl',
      ['mssql-login-failure-source {"source.ip":"10.23.23.9"}'],
    ],
    [
      // jq -r .winlog.event_data.param1 | grep -c 'client_ip:10.23.23.9' → 6 (all action_id:LGIF, succeeded:false)
      'ID33205-SQL_Server_failed_login_because_only_Windows_auth.jsonl',
      ['mssql-login-failure-source {"source.ip":"10.23.23.9"}'],
    ],
    [
      // jq -r .winlog.event_data.param1 | grep -c 'server_principal_name:sa$' → 27, all client_ip:10.23.23.9
      'ID33205-SQL_Server_failed_login_with_SA_wrong_password.jsonl',
      [
        'mssql-login-failure-source {"source.ip":"10.23.23.9"}',
        'mssql-login-failure-user {"user.name":"sa"}',
      ],
    ],
    [
      // jq -r .winlog.event_data.param1 | grep -o '^server_principal_name:.*' | sort | uniq -c
      //   → 72 failures, 22 logins (at most 6 each), all client_ip:10.23.123.11
      'ID33205-SQL_Server_failed_login_with_non_existing_accounts.jsonl',
      [
        'mssql-login-failure-source {"source.ip":"10.23.123.11"}',
        'password-spray-source {"source.ip":"10.23.123.11"}',
      ],
    ],
    [
      // jq -r 'select(.event.code=="4625") | [.winlog.event_data.WorkstationName, .winlog.event_data.TargetUserName] | @tsv' | sort | uniq -c
      //   → 8 "WIN Administrator", 8 "WIN Admin": 16 from workstation WIN, 2 accounts (no spray), < 10 per account
      'ID_4776_4625-AccountRestore_local_bruteforce.jsonl',
      ['windows-logon-failure-workstation {"source.domain":"WIN"}'],
    ],
    // FAILED | .winlog.event_data.TargetUserName → 5 × 4625 and 5 × 4776 for NOUSER only: one account, 5 of each code;
    // but the attacker cleared the Security log first:
    // jq -r 'select(.event.code=="1102") | [.winlog.provider_name, .winlog.computer_name] | @tsv'
    //   → Microsoft-Windows-Eventlog fs01.offsec.lan
    [
      'ID4625-OpenSSH_brutforce_with_non_existing_users.jsonl',
      ['windows-event-log-cleared {"host.name":"fs01.offsec.lan"}'],
    ],
    // 5 × 4625 for admmig@offsec.lan, after (not before) its 4624: below every threshold, no success after them
    ['ID4625-OpenSSH_brutforce_with_valid_users.jsonl', []],
    // 2 × 4625 (0xc000006e, account restriction): a denied user, not an attack on passwords
    ['ID4625-failed_login_with_denied_access_due_to_account_restriction.jsonl', []],
    // 2 × 4825 (RDP denied to a valid user without the right: the password worked):
    // jq -r 'select(.event.code=="4825") | [.winlog.computer_name, .winlog.event_data.AccountName, .winlog.event_data.ClientAddress] | @tsv' | sort | uniq -c
    //   → 2 "fs02.offsec.lan svc6test1 10.23.23.9": one incident for the account on that host
    [
      'ID4825-Denied_RDP_connection_with_valid_credentials.jsonl',
      ['windows-rdp-denied-valid-credentials {"host.name":"fs02.offsec.lan","user.name":"svc6test1"}'],
    ],
  ])('%s', (file, expected) => {
    expect(incidents(file)).toEqual(expected);
  });
});
