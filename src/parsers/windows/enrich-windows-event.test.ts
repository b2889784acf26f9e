import { describe, expect, it } from 'vitest';
import { getField } from '../../core/index.ts';
import { ndjsonParser } from '../ndjson/index.ts';
import { windowsParser } from './index.ts';
import { fixtureLine, parseOne, parseWindows, securityEvent } from './testdata/windows-events.ts';

describe('enrichWindowsEvent on the other logon and credential events', () => {
  it('maps 4624 as logged-in with the logon type and the new logon id', () => {
    const event = parseWindows(
      securityEvent('4624', {
        TargetUserName: 'admmig',
        TargetDomainName: 'OFFSEC',
        TargetLogonId: '0x47a2903',
        LogonType: '3',
        IpAddress: '10.23.23.9',
        IpPort: '50112',
        WorkstationName: 'KALI',
      }),
    );
    expect(event.event).toMatchObject({
      action: 'logged-in',
      outcome: 'success',
      category: ['authentication'],
    });
    expect(event.event.reason).toBeUndefined();
    expect(event.user).toEqual({ name: 'admmig', domain: 'OFFSEC' });
    expect(event.source).toEqual({ ip: '10.23.23.9', port: 50112, domain: 'KALI' });
    expect(getField(event, 'winlog.logon')).toEqual({ type: 'Network', id: '0x47a2903' });
  });

  it('maps 4648 with the acting account in user and the explicit credentials in user.effective', () => {
    const event = parseWindows(
      securityEvent('4648', {
        SubjectUserName: 'svc-web',
        SubjectDomainName: 'CORP',
        SubjectUserSid: 'S-1-5-21-1-2-3-1105',
        TargetUserName: 'administrator',
        TargetDomainName: 'CORP',
        IpAddress: '10.0.0.7',
        IpPort: '0',
      }),
    );
    expect(event.event).toMatchObject({ action: 'logged-in-explicit', outcome: 'success' });
    expect(event.user).toEqual({
      name: 'svc-web',
      domain: 'CORP',
      id: 'S-1-5-21-1-2-3-1105',
      effective: { name: 'administrator', domain: 'CORP' },
    });
    expect(event.source).toEqual({ ip: '10.0.0.7' });
  });

  it('maps 4740 with the locked-out account in user.target', () => {
    const event = parseWindows(
      securityEvent('4740', {
        TargetUserName: 'jsmith',
        TargetDomainName: 'WS042',
        TargetSid: 'S-1-5-21-1-2-3-1201',
        SubjectUserName: 'DC01$',
        SubjectDomainName: 'CORP',
        SubjectUserSid: 'S-1-5-18',
      }),
    );
    expect(event.event).toMatchObject({
      category: ['iam'],
      type: ['user', 'change'],
      action: 'locked-out-user-account',
      outcome: 'success',
    });
    expect(event.user).toEqual({
      name: 'DC01$',
      domain: 'CORP',
      id: 'S-1-5-18',
      target: { name: 'jsmith', domain: 'WS042', id: 'S-1-5-21-1-2-3-1201' },
    });
  });

  it("maps 6273 (NPS denied access) as a failed authentication of its subject from the VPN client's address", () => {
    const denied = (callingStation: string) =>
      parseWindows(
        securityEvent('6273', {
          SubjectUserSid: 'S-1-5-21-1-2-3-1201',
          SubjectUserName: 'jsmith',
          SubjectDomainName: 'CORP',
          CallingStationID: callingStation,
          NASIPv4Address: '192.0.2.1',
          ClientName: 'vpn-gw',
          ReasonCode: '16',
        }),
      );
    const event = denied('203.0.113.170');
    expect(event.event).toMatchObject({
      category: ['authentication'],
      action: 'nps-access-denied',
      outcome: 'failure',
    });
    expect(event.user).toEqual({ name: 'jsmith', domain: 'CORP', id: 'S-1-5-21-1-2-3-1201' });
    expect(event.source).toEqual({ ip: '203.0.113.170' });
    // A Wi-Fi client's MAC address is no source address.
    expect(denied('AA-BB-CC-DD-EE-FF').source).toBeUndefined();
  });

  it('maps 4720 with the creator in user and the new account in user.target', () => {
    const event = parseWindows(
      securityEvent('4720', {
        TargetUserName: 'backdoor',
        TargetDomainName: 'WS042',
        TargetSid: 'S-1-5-21-1-2-3-1002',
        SubjectUserName: 'mallory',
        SubjectDomainName: 'WS042',
        SubjectUserSid: 'S-1-5-21-1-2-3-1001',
        SamAccountName: 'backdoor',
      }),
    );
    expect(event.event).toMatchObject({
      category: ['iam'],
      type: ['user', 'creation'],
      action: 'added-user-account',
      outcome: 'success',
    });
    expect(event.user).toEqual({
      name: 'mallory',
      domain: 'WS042',
      id: 'S-1-5-21-1-2-3-1001',
      target: { name: 'backdoor', domain: 'WS042', id: 'S-1-5-21-1-2-3-1002' },
    });
  });

  it.each([
    ['4728', 'CN=Jane Doe\\, Jr.,OU=Staff,DC=corp,DC=example', 'Jane Doe, Jr.'],
    ['4732', '-', undefined],
    ['4756', 'cn=svc-backup,CN=Users,DC=corp,DC=example', 'svc-backup'],
  ])('maps %s with the group in group and the member (%s) in user.target', (code, memberName, member) => {
    const event = parseWindows(
      securityEvent(code, {
        MemberName: memberName,
        MemberSid: 'S-1-5-21-1-2-3-1105',
        TargetUserName: 'Administrators',
        TargetDomainName: 'Builtin',
        TargetSid: 'S-1-5-32-544',
        SubjectUserName: 'mallory',
        SubjectDomainName: 'CORP',
        SubjectUserSid: 'S-1-5-21-1-2-3-1001',
      }),
    );
    expect(event.event).toMatchObject({
      category: ['iam'],
      type: ['group', 'change'],
      action: 'added-member-to-group',
    });
    expect(event.group).toEqual({ name: 'Administrators', domain: 'Builtin', id: 'S-1-5-32-544' });
    expect(event.user).toMatchObject({
      name: 'mallory',
      target: { ...(member !== undefined && { name: member }), id: 'S-1-5-21-1-2-3-1105' },
    });
  });

  it('maps 4771 Kerberos pre-authentication failures with the failure code in words', () => {
    const cases: [string, string, string][] = [
      ['0x18', 'KDC_ERR_PREAUTH_FAILED', 'wrong password (Kerberos pre-authentication failed)'],
      ['0x00000006', 'KDC_ERR_C_PRINCIPAL_UNKNOWN', 'unknown user name (Kerberos principal unknown)'],
      ['0x12', 'KDC_ERR_CLIENT_REVOKED', 'account disabled, expired or locked out (Kerberos client revoked)'],
      ['0x25', 'KRB_AP_ERR_SKEW', 'clock skew too great between client and domain controller'],
      ['0x1F', 'KRB_AP_ERR_BAD_INTEGRITY', 'Kerberos error KRB_AP_ERR_BAD_INTEGRITY'],
    ];
    for (const [status, name, reason] of cases) {
      const event = parseWindows(
        securityEvent('4771', {
          TargetUserName: 'svc-ata',
          Status: status,
          IpAddress: '::ffff:10.23.123.11',
          IpPort: '48946',
        }),
      );
      expect(event.event).toMatchObject({ action: 'kerberos-preauth-failed', outcome: 'failure', reason });
      expect(getField(event, 'winlog.event_data.StatusDescription')).toBe(name);
      expect(event.source).toEqual({ ip: '10.23.123.11', port: 48946 });
      expect(event.user).toEqual({ name: 'svc-ata' });
    }
  });

  it('maps 4768 ticket requests with the outcome from Status', () => {
    const failed = parseWindows(securityEvent('4768', { TargetUserName: 'test1', Status: '0x6' }));
    expect(failed.event).toMatchObject({
      action: 'kerberos-authentication-ticket-requested',
      outcome: 'failure',
      reason: 'unknown user name (Kerberos principal unknown)',
    });
    const granted = parseWindows(securityEvent('4768', { TargetUserName: 'test1', Status: '0x0' }));
    expect(granted.event.outcome).toBe('success');
    expect(granted.event.reason).toBeUndefined();
  });

  it('maps 4776 with the outcome from Status and the workstation as source.domain', () => {
    const failed = parseWindows(
      securityEvent('4776', { TargetUserName: 'NOUSER', Workstation: '\\\\WS01', Status: '0xC0000234' }),
    );
    expect(failed.event).toMatchObject({
      action: 'credential-validated',
      outcome: 'failure',
      reason: 'account locked out',
    });
    expect(failed.source).toEqual({ domain: 'WS01' });
    expect(getField(failed, 'winlog.logon')).toEqual({
      failure: { status: 'User logon with account locked' },
    });

    const validated = parseWindows(
      securityEvent('4776', { TargetUserName: 'bob', Workstation: 'WS01', Status: '0x0' }),
    );
    expect(validated.event.outcome).toBe('success');
    expect(validated.event.reason).toBeUndefined();
    expect(getField(validated, 'winlog.logon')).toBeUndefined();
  });
});

describe('windowsParser on documents it does not enrich', () => {
  it('passes other event codes through exactly as the ndjson parser reads them', () => {
    const line = JSON.stringify(
      securityEvent('4688', { NewProcessName: 'C:\\x.exe', TargetUserName: '-' }, { user: { name: '-' } }),
    );
    expect(parseOne(windowsParser, line)).toEqual(parseOne(ndjsonParser, line));
  });

  it('parses a JSON document that is not a Windows event as ndjson would', () => {
    const line =
      '{"@timestamp":"2024-05-01T10:00:00Z","event":{"code":"4625","action":"login"},"user.name":"bob"}';
    expect(parseOne(windowsParser, line)).toEqual(parseOne(ndjsonParser, line));
  });

  it('leaves a 4625 from another provider alone', () => {
    const doc = securityEvent('4625', { TargetUserName: 'bob' });
    doc.event.provider = 'Some-Application';
    expect(parseWindows(doc).event.action).toBeUndefined();
  });

  it('reads the event code from a number or from winlog.event_id', () => {
    const numeric = securityEvent('4625', {});
    numeric.event.code = 4625;
    expect(parseWindows(numeric).event).toMatchObject({ code: '4625', action: 'logon-failed' });

    const fromEventId = securityEvent('4771', { Status: '0x18' });
    delete fromEventId.event.code;
    expect(parseWindows(fromEventId).event).toMatchObject({
      code: '4771',
      action: 'kerberos-preauth-failed',
    });
  });
});

describe('windowsParser on the shapes Elasticsearch holds', () => {
  it('reads a document with dotted keys', () => {
    const event = parseOne(windowsParser, fixtureLine('winlogbeat-dotted-4771.json'));
    expect(event['@timestamp']).toBe('2021-05-21T20:49:03.337Z');
    expect(event.event).toMatchObject({
      code: '4771',
      action: 'kerberos-preauth-failed',
      outcome: 'failure',
    });
    expect(event.user).toEqual({
      name: 'admin-hacker',
      id: 'S-1-5-21-4230534742-2542757381-3142984815-1147',
    });
    expect(event.source).toEqual({ ip: '10.23.123.11', port: 47404 });
    expect(event.host).toEqual({ name: 'dc01.offsec.lan' });
  });

  it('reads a search hit and enriches its _source', () => {
    const event = parseOne(windowsParser, fixtureLine('winlogbeat-indexed-4625-hit.json'));
    expect(event.event.action).toBe('logon-failed');
    expect(event.source).toMatchObject({ ip: '185.220.101.47' });
  });
});
