import { describe, expect, it } from 'vitest';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { asteriskParser } from './index.ts';

// Asterisk's log lines, written for these tests after chan_sip's, res_pjsip's, chan_iax2's, the
// manager's and the security log's messages.
const LINES = fixtureLines(new URL('./testdata/messages.log', import.meta.url));

const summary = (event: SecurityEvent) => [
  (event.service as { name: string }).name,
  (event.source as { ip: string }).ip,
  (event.user as { name?: string } | undefined)?.name,
  event.event.reason,
];

describe("Asterisk's log", () => {
  const parser = asteriskParser.create({ year: 2024 });
  const { events, skips } = parseLines(parser, LINES);

  it('gives each refused SIP, IAX2 and manager login, from the address Asterisk wrote', () => {
    expect(events.map(summary)).toEqual([
      ['sip', '192.0.2.150', undefined, 'Wrong password'],
      ['sip', '192.0.2.151', undefined, 'No matching peer found'],
      ['sip', '192.0.2.152', undefined, 'Username/auth name mismatch'],
      // The client's From header held a refusal of its own: chan_sip's comes last.
      ['sip', '192.0.2.153', undefined, 'Wrong password'],
      ['sip', '192.0.2.154', undefined, 'Failed to authenticate'],
      ['sip', '2001:db8::155', undefined, 'No matching endpoint found'],
      ['sip', '192.0.2.157', undefined, 'ChallengeResponseFailed'],
      ['iax2', '192.0.2.159', 'trunk1', 'failed to authenticate'],
      ['iax2', '192.0.2.160', 'trunk2', 'no registration for peer'],
      ['ami', '192.0.2.161', 'admin', 'failed to authenticate'],
      ['ami', '192.0.2.162', 'opennms', 'nonexistent user'],
      // An address the ACL does not let register: no password tried (voip_acl_rejected).
      ['sip', '192.0.2.163', undefined, 'Device does not match ACL'],
      // A call to an extension the dialplan lacks: toll-fraud scanning (voip_call_rejected).
      ['sip', '192.0.2.164', undefined, "extension '0044123' not found"],
      // The security log's account is the one the client tried; it writes it, and what follows a
      // SessionID it wrote into it is not taken.
      ['sip', '192.0.2.165', 'netadmin', 'InvalidAccountID'],
      ['sip', '192.0.2.166', 'admin', 'InvalidAccountID'],
      ['sip', '192.0.2.167', undefined, 'FailedACL'],
    ]);
    expect(events[0]).toMatchObject({
      '@timestamp': '2024-03-04T10:00:01.000Z',
      event: {
        action: 'voip_auth_failure',
        outcome: 'failure',
        category: ['authentication'],
        module: 'asterisk',
      },
    });
    expect(events.at(-6)?.['@timestamp']).toBe('2024-03-04T10:00:13.000Z');
    expect(
      events.map((event) => event.event.action).filter((action) => action !== 'voip_auth_failure'),
    ).toEqual(['voip_acl_rejected', 'voip_call_rejected', 'voip_acl_rejected']);
  });

  it('leaves out a line whose client words on both sides of the address may hold a forged one, and what tried no password', () => {
    expect(skips).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      'asterisk-line-unused', // res_pjsip: a second address in the call id
      null,
      'asterisk-line-unused', // the security log: a second RemoteAddress in the session id
      null,
      null,
      null,
      null,
      null, // an ACL refusal
      null, // a call to an unknown extension (no login, but a scan)
      'asterisk-line-unused',
      null,
      null,
      null,
    ]);
  });

  it('is recognised by its lines', () => {
    const choice = chooseParser(LINES);
    expect(choice.kind === 'found' && choice.parser.format).toBe('asterisk');
  });
});

describe("Asterisk's calls to unknown extensions and registrations refused before a password", () => {
  it('are voip_call_rejected and voip_acl_rejected from the address Asterisk wrote; a second address is not read', () => {
    // The first is the CrowdSec hub's asterisk test line of res_pjsip_session; the others were
    // written for this test after chan_sip's messages.
    const { events, skips } = parseLines(asteriskParser.create({ year: 2024 }), [
      "[Jan 18 17:39:50] NOTICE[12049]: res_pjsip_session.c:2337 new_invite: Call from 'anonymous' (TCP:[1.2.3.4]:61470) to extension '9011+442037690237' rejected because extension not found in context 'default'.",
      "[2024-03-04 10:00:01] NOTICE[2723] chan_sip.c: Registration from '\"100\"<sip:100@192.168.0.2:5060>' failed for '203.0.113.73' - Not a local domain",
      "[2024-03-04 10:00:02] NOTICE[1638] chan_sip.c: Registration from '<sip:301@example.com>' failed for '203.0.113.74' - Peer is not supposed to register",
      "[2024-03-04 10:00:03] NOTICE[3477][C-000003bc] chan_sip.c: Call from 'x' (198.51.100.66:1) to extension '1' rejected because extension not found in context 'a'.' (203.0.113.75:5060) to extension '0044' rejected because extension not found in context 'default'.",
    ]);
    expect(
      events.map((event) => [event.event.action, (event.source as { ip: string }).ip, event.event.category]),
    ).toEqual([
      ['voip_call_rejected', '1.2.3.4', ['network']],
      ['voip_acl_rejected', '203.0.113.73', ['authentication']],
      ['voip_acl_rejected', '203.0.113.74', ['authentication']],
    ]);
    expect(skips.at(-1)).toBe('asterisk-line-unused');
  });
});

describe("res_pjsip's ACL refusals and FreePBX's refused anonymous calls", () => {
  it('are voip_acl_rejected and voip_call_rejected, from the address written; Log() lines of other texts are none', () => {
    // Written for this test after res_pjsip's distributor messages and the Log() line FreePBX's
    // from-sip-external context writes (its syslog form below).
    const { events, skips } = parseLines(asteriskParser.create({ year: 2024 }), [
      "[2024-03-04 10:00:01] NOTICE[19388] res_pjsip/pjsip_distributor.c: Request 'REGISTER' from '\"1000\" <sip:1000@10.0.0.1>' failed for '203.0.113.76:48336' (callid: 2766) - Not match Endpoint ACL",
      "[2024-03-04 10:00:02] NOTICE[19388] res_pjsip/pjsip_distributor.c: Request 'INVITE' from '<sip:1000@10.0.0.1>' failed for '[2001:db8::77]:5060' (callid: 2767) - Not match Endpoint Contact ACL",
      '[2024-03-04 10:00:03] WARNING[6756][C-0000001d] Ext. s: "Rejecting unknown SIP connection from 203.0.113.78:52126"',
      '[2024-03-04 10:00:04] WARNING[6757][C-0000001e] Ext. s:6 in @ from-sip-external: "Rejecting unknown SIP connection from [2001:db8::79]:5060"',
      '[2024-03-04 10:00:05] WARNING[6758][C-0000001f] Ext. s: "Rejecting unknown SIP connection from 203.0.113.80" and more',
      '[2024-03-04 10:00:06] VERBOSE[6759][C-00000020] Ext. 100: "Calling 100"',
    ]);
    expect(
      events.map((event) => [event.event.action, (event.source as { ip: string }).ip, event.event.reason]),
    ).toEqual([
      ['voip_acl_rejected', '203.0.113.76', 'Not match Endpoint ACL'],
      ['voip_acl_rejected', '2001:db8::77', 'Not match Endpoint Contact ACL'],
      ['voip_call_rejected', '203.0.113.78', 'unknown SIP connection rejected'],
      ['voip_call_rejected', '2001:db8::79', 'unknown SIP connection rejected'],
    ]);
    expect(skips.slice(4)).toEqual(['asterisk-line-unused', 'asterisk-line-unused']);
  });
});

describe("FreeSWITCH's log, read by the same parser", () => {
  it('gives each SIP auth failure and unknown user from the address that ends the line', () => {
    // The first three after the CrowdSec hub's freeswitch tests; the others written for this test.
    const lines = [
      "2023-03-06 15:13:32.685002 96.83% [WARNING] sofia_reg.c:3223 SIP auth failure (INVITE) on sofia profile '123' for [123] from ip 1.2.3.4",
      "2023-03-06 15:11:14.385000 96.03% [WARNING] sofia_reg.c:3223 Can't find user [2501@1.2.3.4] from 1.2.3.4",
      '2023-03-06 15:13:23.504993 96.80% [WARNING] sofia_reg.c:3223 IP 1.2.3.4 Rejected by register acl',
      "2024-03-04 10:00:01.000000 [WARNING] sofia_reg.c:1700 SIP auth failure (REGISTER) on sofia profile 'internal' for [1000@pbx] from ip 198.51.100.66] from ip 2001:db8::190",
      '2024-03-04 10:00:02.000000 [NOTICE] switch_core.c:2500 FreeSWITCH Started',
    ];
    const { events, skips } = parseLines(asteriskParser.create({ year: 2024, timeZone: '+01:00' }), lines);
    expect(events.map((event) => [event['@timestamp'], ...summary(event)])).toEqual([
      ['2023-03-06T14:13:32.685Z', 'sip', '1.2.3.4', '123', 'SIP auth failure'],
      ['2023-03-06T14:11:14.385Z', 'sip', '1.2.3.4', '2501', "Can't find user"],
      ['2023-03-06T14:13:23.504Z', 'sip', '1.2.3.4', undefined, 'Rejected by ACL'],
      ['2024-03-04T09:00:01.000Z', 'sip', '2001:db8::190', '1000', 'SIP auth failure'],
    ]);
    expect(events[2]).toMatchObject({ event: { action: 'voip_acl_rejected', module: 'freeswitch' } });
    expect(events[0]).toMatchObject({ event: { action: 'voip_auth_failure', module: 'freeswitch' } });
    expect(skips).toEqual([null, null, null, null, 'asterisk-line-unused']);
    const choice = chooseParser(lines);
    expect(choice.kind === 'found' && choice.parser.format).toBe('asterisk');
  });
});

describe("Asterisk's lines in syslog", () => {
  it('give the same refused logins, at the syslog time', () => {
    const { events, skips } = parse([
      "Mar  4 10:00:20 pbx asterisk[32229]: NOTICE[32257]: chan_sip.c:23417 in handle_request_register: Registration from '<sip:301@pbx.example.org>' failed for '192.0.2.170:36998' - Wrong password",
      'Mar  4 10:00:21 pbx asterisk[32229]: WARNING[1195][C-00000b43]: Ext. s:6 in @ from-sip-external: "Rejecting unknown SIP connection from 192.0.2.171"',
      "Mar  4 10:00:22 pbx asterisk[32229]: NOTICE[32257]: chan_sip.c:25850 in handle_request_invite: hacking attempt detected '192.0.2.172'",
      "Mar  4 10:00:23 pbx freeswitch[4301]: 2024-03-04 10:00:23.150982 [WARNING] sofia_reg.c:1720 SIP auth failure (INVITE) on sofia profile 'external' for [9810972597751739@pbx] from ip 192.0.2.173",
      "Mar  4 10:00:24 pbx freeswitch[4301]: 2024-03-04 10:00:24.150982 [WARNING] sofia_reg.c:2889 Can't find user [201@::1] from 2001:db8::174",
      'Mar  4 10:00:25 pbx freeswitch[4301]: 2024-03-04 10:00:25.150982 [NOTICE] switch_core.c:2500 FreeSWITCH Started',
    ]);
    expect(skips).toEqual([null, null, null, null, null, 'not-sshd']);
    expect(events.map(summary)).toEqual([
      ['sip', '192.0.2.170', undefined, 'Wrong password'],
      // FreePBX's refusal of an anonymous call: no login, a call rejected.
      ['sip', '192.0.2.171', undefined, 'unknown SIP connection rejected'],
      ['sip', '192.0.2.172', undefined, 'hacking attempt detected'],
      // FreeSWITCH's lines, under its own name, at the syslog time.
      ['sip', '192.0.2.173', '9810972597751739', 'SIP auth failure'],
      ['sip', '2001:db8::174', '201', "Can't find user"],
    ]);
    expect(events[3]).toMatchObject({
      '@timestamp': '2024-03-04T10:00:23.000Z',
      event: { module: 'freeswitch' },
    });
    expect(events[1]?.event.action).toBe('voip_call_rejected');
    expect(events[0]).toMatchObject({ '@timestamp': '2024-03-04T10:00:20.000Z', host: { name: 'pbx' } });
  });
});
