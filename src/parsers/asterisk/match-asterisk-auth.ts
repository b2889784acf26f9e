import { normalizeIp } from '../sshd/parse-address.ts';

/** A failed login to one of Asterisk's services, as its log reports it. */
export interface AsteriskAuthFailure {
  /** `sip`, `iax2` or `ami` (the manager interface). */
  service: 'sip' | 'iax2' | 'ami';
  ip: string;
  /** The account or extension the client named, when the line holds one Asterisk read. */
  user: string | undefined;
  reason: string;
  /** The PBX that wrote the line when it is not Asterisk (`freeswitch`). */
  module?: string;
  /** Refused by an ACL (the address is not allowed to register) before any password was tried. */
  acl?: boolean;
  /**
   * A call to an extension the dialplan does not have (no login): the extension the client dialled
   * (`s`, the dialplan's start, for a call FreePBX refused as anonymous).
   */
  call?: string;
}

/** chan_sip's reasons that say a password or an account was tried and refused. */
const SIP_REASONS = ['Wrong password', 'Username/auth name mismatch', 'No matching peer found'];
/** chan_sip's reasons that say the address, peer or domain may not register at all (no password tried). */
const SIP_ACL_REASONS = [
  'Device does not match ACL',
  'ACL error (permit/deny)',
  'Peer is not supposed to register',
  'Not a local domain',
];
/**
 * chan_sip's and res_pjsip_session's `Call from 'NAME' (ADDR:PORT) to extension 'EXT' rejected
 * because extension not found in context 'CTX'.` (res_pjsip: `(TCP:[ADDR]:PORT)`). NAME and EXT are
 * the client's, on both sides of the address: a line with a second `) to extension '` is not read.
 */
const CALL_FROM =
  /^Call from '.{0,256}' \((?:[A-Z]{2,4}:)?\[?([0-9A-Fa-f:.]{2,45}?)\]?:\d{1,5}\) to extension '(.{0,256})' rejected because extension not found in context '[^']{0,128}'\.?$/;
const TO_EXTENSION = ") to extension '";
/** res_pjsip's. */
const PJSIP_REASONS = ['No matching endpoint found', 'Failed to authenticate', 'Error to authenticate'];
/** res_pjsip's refusals by the endpoint's `acl` or `contact_acl` (no password tried). */
const PJSIP_ACL_REASONS = ['Not match Endpoint ACL', 'Not match Endpoint Contact ACL'];
/**
 * FreePBX's `from-sip-external` context, which logs the anonymous calls it refuses (`allowguest`
 * off): `Ext. s: "Rejecting unknown SIP connection from ADDR[:PORT]"` (also `Ext. s:6 in @
 * from-sip-external: "..."`). FreePBX writes the address the call came from.
 */
const UNKNOWN_CONNECTION =
  /^Ext\. s(?::\d{1,4} in @ [\w-]{1,64})?: "Rejecting unknown SIP connection from ([0-9A-Fa-f:.[\]]{2,53})"$/;
const FAILED_FOR = "' failed for '";
/** The security log's events of a refused login. */
const SECURITY_EVENTS = ['InvalidPassword', 'ChallengeResponseFailed', 'InvalidAccountID', 'FailedACL'];
const REMOTE = ',RemoteAddress="';
const SERVICES: Record<string, AsteriskAuthFailure['service']> = {
  SIP: 'sip',
  PJSIP: 'sip',
  IAX2: 'iax2',
  AMI: 'ami',
};

const IAX_FAILED =
  /^Host (\S{2,45}) failed (?:to authenticate|MD5 authentication) (?:as|for) '([^']{0,256})'/;
const IAX_NO_PEER = /^No registration for peer '([^']{0,256})' \(from (\S{2,45})\)$/;
/** chan_sip's `hacking attempt detected 'ADDR'`, logged as it refuses a request it takes for an attack. */
const HACKING_ATTEMPT = /^hacking attempt detected '([0-9A-Fa-f:.]{2,45})'$/;
const AMI_FAILED =
  /^(\S{2,45}) (failed to authenticate as|tried to authenticate with nonexistent user) '([^']{0,256})'$/;

/**
 * A refused login that an Asterisk message (after its level, thread and source) reports, or
 * undefined. chan_sip's `Registration from 'FROM' failed for 'ADDR[:PORT]' - REASON` puts the
 * client's From header before the address and nothing of the client's after it: the address is the
 * last `' failed for '`, and the reason must end the line. res_pjsip's `Request ['METHOD' ]from 'FROM'
 * failed for 'ADDR:PORT' (callid: ID) - REASON` and the security log's `SecurityEvent="...",...,
 * RemoteAddress="IPV4/UDP/ADDR/PORT",...` put the client's words on both sides of the address: a line
 * with more than one is not read. chan_iax2's and the manager's write the address first.
 */
export function matchAsteriskAuth(message: string): AsteriskAuthFailure | undefined {
  if (message.startsWith('Registration from ')) return sipRegistration(message);
  if (message.startsWith('Call from ')) return callRejected(message);
  if (message.startsWith('Request ')) return pjsipRequest(message);
  if (message.startsWith('SecurityEvent="')) return securityEvent(message);
  if (message.startsWith('Ext. s')) return unknownConnection(message);
  const hacking = HACKING_ATTEMPT.exec(message);
  if (hacking !== null) return failure('sip', hacking[1] as string, undefined, 'hacking attempt detected');
  const iax = IAX_FAILED.exec(message);
  if (iax !== null) return failure('iax2', iax[1] as string, iax[2], 'failed to authenticate');
  const noPeer = IAX_NO_PEER.exec(message);
  if (noPeer !== null) return failure('iax2', noPeer[2] as string, noPeer[1], 'no registration for peer');
  const ami = AMI_FAILED.exec(message);
  if (ami !== null) {
    const unknown = ami[2] !== 'failed to authenticate as';
    return failure('ami', ami[1] as string, ami[3], unknown ? 'nonexistent user' : 'failed to authenticate');
  }
  return undefined;
}

function callRejected(message: string): AsteriskAuthFailure | undefined {
  const at = message.indexOf(TO_EXTENSION);
  if (at < 0 || message.indexOf(TO_EXTENSION, at + 1) >= 0) return undefined;
  const call = CALL_FROM.exec(message);
  const found =
    call === null
      ? undefined
      : failure('sip', call[1] as string, undefined, `extension '${call[2]}' not found`);
  return found === undefined ? undefined : { ...found, call: call?.[2] as string };
}

function sipRegistration(message: string): AsteriskAuthFailure | undefined {
  const endsWith = (text: string) => message.endsWith(`' - ${text}`);
  const acl = SIP_ACL_REASONS.find(endsWith);
  const reason = acl ?? SIP_REASONS.find(endsWith);
  if (reason === undefined) return undefined;
  const at = message.lastIndexOf(FAILED_FOR);
  const end = message.length - reason.length - 4;
  if (at < 0 || end <= at + FAILED_FOR.length) return undefined;
  const found = failure('sip', withoutPort(message.slice(at + FAILED_FOR.length, end)), undefined, reason);
  return found === undefined || acl === undefined ? found : { ...found, acl: true };
}

function pjsipRequest(message: string): AsteriskAuthFailure | undefined {
  const endsWith = (text: string) => message.endsWith(` - ${text}`);
  const acl = PJSIP_ACL_REASONS.find(endsWith);
  const reason = acl ?? PJSIP_REASONS.find(endsWith);
  const at = message.indexOf(FAILED_FOR);
  if (reason === undefined || at < 0 || message.indexOf(FAILED_FOR, at + 1) >= 0) return undefined;
  const end = message.indexOf("'", at + FAILED_FOR.length);
  if (end < 0) return undefined;
  const found = failure('sip', withoutPort(message.slice(at + FAILED_FOR.length, end)), undefined, reason);
  return found === undefined || acl === undefined ? found : { ...found, acl: true };
}

/** FreePBX's refusal of an anonymous call: a call rejected, to no extension of the client's naming. */
function unknownConnection(message: string): AsteriskAuthFailure | undefined {
  const found = UNKNOWN_CONNECTION.exec(message);
  const call =
    found === null
      ? undefined
      : failure('sip', withoutPort(found[1] as string), undefined, 'unknown SIP connection rejected');
  return call === undefined ? undefined : { ...call, call: 's' };
}

function securityEvent(message: string): AsteriskAuthFailure | undefined {
  const name = message.slice('SecurityEvent="'.length, message.indexOf('"', 'SecurityEvent="'.length));
  if (!SECURITY_EVENTS.includes(name)) return undefined;
  const remote = message.indexOf(REMOTE);
  if (remote < 0 || message.indexOf(REMOTE, remote + 1) >= 0) return undefined;
  const end = message.indexOf('"', remote + REMOTE.length);
  // `IPV4/UDP/192.0.2.1/5060`, `IPV6/UDP/2001:db8::1/5060`.
  const parts = message.slice(remote + REMOTE.length, end < 0 ? undefined : end).split('/');
  if (parts.length !== 4) return undefined;
  const service = /,Service="([A-Z0-9]{1,16})"/.exec(message)?.[1];
  const known = service !== undefined && Object.hasOwn(SERVICES, service) ? SERVICES[service] : undefined;
  const found = failure(known ?? 'sip', parts[2] as string, accountOf(message), name);
  return found === undefined || name !== 'FailedACL' ? found : { ...found, acl: true };
}

const ACCOUNT = ',AccountID="';
const AFTER_ACCOUNT = '",SessionID="';

/**
 * The account a security event names (the one the client tried: `InvalidAccountID`'s is unknown to
 * Asterisk), undefined for `<unknown>`. Asterisk writes the fields before it itself; the client
 * writes the account and may put quotes in it, so it runs to the `SessionID` that follows it, and
 * a client that writes one of those in it gets only what comes before as its account.
 */
function accountOf(message: string): string | undefined {
  const start = message.indexOf(ACCOUNT);
  if (start < 0) return undefined;
  const from = start + ACCOUNT.length;
  let end = message.indexOf(AFTER_ACCOUNT, from);
  if (end < 0) end = message.indexOf('"', from);
  const account = message.slice(from, end < 0 ? undefined : end);
  return account === '<unknown>' || account.length > 256 ? undefined : account;
}

/** `192.0.2.1:5060`, `[2001:db8::1]:5060`, or the address alone. */
function withoutPort(address: string): string {
  if (address.startsWith('[')) return address.slice(1, address.indexOf(']'));
  const colon = address.lastIndexOf(':');
  return colon > 0 && address.indexOf(':') === colon ? address.slice(0, colon) : address;
}

function failure(
  service: AsteriskAuthFailure['service'],
  address: string,
  user: string | undefined,
  reason: string,
): AsteriskAuthFailure | undefined {
  const ip = normalizeIp(address);
  if (ip === undefined) return undefined;
  return { service, ip, user: user === undefined || user === '' ? undefined : user, reason };
}
