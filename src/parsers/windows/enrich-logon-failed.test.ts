import { describe, expect, it } from 'vitest';
import { getField } from '../../core/index.ts';
import { windowsParser } from './index.ts';
import { parseOne, parseWindows, readFixture, securityEvent } from './testdata/windows-events.ts';

describe('enrichWindowsEvent on 4625 (logon failed)', () => {
  it('maps a raw Winlogbeat 4625 as Winlogbeat’s security module does', () => {
    const event = parseWindows(JSON.parse(readFixture('winlogbeat-raw-4625.json')));
    expect(event.event).toMatchObject({
      code: '4625',
      category: ['authentication'],
      type: ['start'],
      action: 'logon-failed',
      outcome: 'failure',
      module: 'security',
      reason: 'wrong password',
    });
    expect(event.user).toEqual({ name: 'jsmith', domain: 'CORP', id: 'S-1-0-0' });
    expect(event.source).toEqual({ ip: '185.220.101.47', port: 54312, domain: 'ATTACKER-PC' });
    expect(event.process).toEqual({
      pid: 420,
      executable: 'C:\\Windows\\System32\\svchost.exe',
      name: 'svchost.exe',
    });
    expect(getField(event, 'winlog.logon')).toEqual({
      type: 'RemoteInteractive',
      id: '0x0',
      failure: {
        status: 'This is either due to a bad username or authentication information',
        sub_status: 'User logon with misspelled or bad password',
        reason: 'Unknown user name or bad password.',
      },
    });
    expect(getField(event, 'winlog.event_data.LogonType')).toBe('10');
    expect(getField(event, 'winlog.event_data.IpAddress')).toBe('::ffff:185.220.101.47');
  });

  it('names the logon types as Winlogbeat does', () => {
    const typeOf = (logonType: string | number) =>
      getField(parseWindows(securityEvent('4625', { LogonType: logonType })), 'winlog.logon.type');
    expect(typeOf('2')).toBe('Interactive');
    expect(typeOf(3)).toBe('Network');
    expect(typeOf('8')).toBe('NetworkCleartext');
    expect(typeOf('10')).toBe('RemoteInteractive');
    expect(typeOf('11')).toBe('CachedInteractive');
    expect(typeOf('99')).toBeUndefined();
  });

  it('leaves source out entirely when address, port and workstation are all "-"', () => {
    const event = parseWindows(
      securityEvent('4625', { TargetUserName: 'bob', IpAddress: '-', IpPort: '-', WorkstationName: '-' }),
    );
    expect(event.source).toBeUndefined();
    expect(event.user).toEqual({ name: 'bob' });
  });

  it('keeps the workstation as source.domain when there is no address', () => {
    const event = parseWindows(
      securityEvent('4625', { IpAddress: '-', IpPort: '-', WorkstationName: 'WIN' }),
    );
    expect(event.source).toEqual({ domain: 'WIN' });
  });

  it('treats empty, missing, non-address values and port 0 as absent, and keeps loopback', () => {
    const sourceOf = (data: Record<string, unknown>) => parseWindows(securityEvent('4625', data)).source;
    expect(sourceOf({ IpAddress: '', IpPort: '0' })).toBeUndefined();
    expect(sourceOf({})).toBeUndefined();
    expect(sourceOf({ IpAddress: 'LOCAL' })).toBeUndefined();
    expect(sourceOf({ IpAddress: '::1', IpPort: '0' })).toEqual({ ip: '::1' });
    expect(sourceOf({ IpAddress: '127.0.0.1' })).toEqual({ ip: '127.0.0.1' });
    expect(sourceOf({ IpAddress: '::FFFF:10.0.0.5' })).toEqual({ ip: '10.0.0.5' });
    expect(sourceOf({ IpAddress: 'fe80::1' })).toEqual({ ip: 'fe80::1' });
  });

  it('explains each failure status with Winlogbeat’s text and a readable reason', () => {
    const cases: [string, string, string][] = [
      ['0xC0000064', 'User logon with misspelled or bad user account', 'unknown user name'],
      ['0xc000006a', 'User logon with misspelled or bad password', 'wrong password'],
      ['0xC0000234', 'User logon with account locked', 'account locked out'],
      ['0xC0000072', 'User logon to account disabled by administrator', 'account disabled'],
      ['0xC000006F', 'User logon outside authorized hours', 'logon outside the allowed hours'],
      [
        '0xC0000070',
        'User logon from unauthorized workstation',
        'logon from a workstation that is not allowed',
      ],
      ['0xC0000071', 'User logon with expired password', 'password expired'],
      ['0xC0000193', 'User logon with expired account', 'account expired'],
      [
        '0xC0000224',
        'User is required to change password at next logon',
        'password must be changed at next logon',
      ],
      [
        '0xC000015B',
        'The user has not been granted the requested logon type (aka logon right) at this machine',
        'logon type not granted to the account on this machine',
      ],
      [
        '0xC0000133',
        'Clocks between DC and other computer too far out of sync',
        'clock skew between domain controller and client',
      ],
      [
        '0xC0000413',
        expect.stringContaining('authentication firewall') as unknown as string,
        'blocked by the authentication firewall',
      ],
    ];
    for (const [subStatus, description, reason] of cases) {
      const event = parseWindows(securityEvent('4625', { Status: '0xC000006D', SubStatus: subStatus }));
      expect(getField(event, 'winlog.logon.failure.sub_status'), subStatus).toEqual(description);
      expect(event.event.reason, subStatus).toBe(reason);
    }
  });

  it('falls back to the status when the sub-status is 0x0, and leaves "Status OK." out', () => {
    const event = parseWindows(securityEvent('4625', { Status: '0xc000006e', SubStatus: '0x00000000' }));
    expect(getField(event, 'winlog.logon.failure')).toEqual({
      status: 'Unknown user name or bad password.',
    });
    expect(event.event.reason).toBe('account restriction prevented the logon');
  });

  it('names an unknown status code in the reason rather than dropping it', () => {
    const event = parseWindows(securityEvent('4625', { Status: '0xC0000999' }));
    expect(event.event.reason).toBe('failed with status 0xc0000999');
  });

  it('keeps the user part of a user principal name', () => {
    expect(parseWindows(securityEvent('4625', { TargetUserName: 'bob@corp.example' })).user).toEqual({
      name: 'bob',
    });
  });
});

describe('enrichWindowsEvent with ECS fields already present', () => {
  it('changes nothing Winlogbeat already mapped in an indexed document, and adds event.reason', () => {
    const hit = JSON.parse(readFixture('winlogbeat-indexed-4625-hit.json'));
    const event = parseOne(windowsParser, JSON.stringify(hit));
    const { original, ...eventFields } = event.event;
    expect(original).toBe(JSON.stringify(hit));
    expect(eventFields).toEqual({ ...hit._source.event, reason: 'wrong password' });
    expect(event.user).toEqual(hit._source.user);
    expect(event.source).toEqual(hit._source.source);
    expect(event.winlog).toEqual(hit._source.winlog);
    expect(event.klaxon).toEqual({ hit: { index: hit._index, id: hit._id } });
  });

  it('replaces "-" values and removes them when there is nothing better', () => {
    const event = parseWindows(
      securityEvent(
        '4625',
        { TargetUserName: 'bob', IpAddress: '-', WorkstationName: '-' },
        { user: { name: '-', domain: '-' }, source: { ip: '-', domain: '-' } },
      ),
    );
    expect(event.user).toEqual({ name: 'bob' });
    expect(event.source).toBeUndefined();
  });

  it('keeps another account already named in user, without mixing in the other account’s domain', () => {
    const event = parseWindows(
      securityEvent('4625', { TargetUserName: 'bob', TargetDomainName: 'CORP' }, { user: { name: 'alice' } }),
    );
    expect(event.user).toEqual({ name: 'alice' });
  });

  it('strips ::ffff: from a source.ip indexed without Winlogbeat’s pipeline', () => {
    const event = parseWindows(
      securityEvent('4771', { Status: '0x18' }, { source: { ip: '::ffff:10.23.123.11' } }),
    );
    expect(event.source).toEqual({ ip: '10.23.123.11' });
  });
});
