import type { SecurityEvent } from '../../core/index.ts';
import { account, line, origin, text } from './event-text.ts';

// winlog.logon.type (Winlogbeat's names) in words.
const LOGON_TYPES: Record<string, string> = {
  Interactive: 'interactive logon',
  Network: 'network logon',
  Batch: 'batch logon',
  Service: 'service logon',
  Unlock: 'unlock',
  NetworkCleartext: 'network logon with cleartext password',
  NewCredentials: 'new-credentials logon (runas /netonly)',
  RemoteInteractive: 'RDP logon',
  CachedInteractive: 'cached interactive logon',
};

type Summarizer = (event: SecurityEvent) => string;

const SECURITY_AUDITING = 'Microsoft-Windows-Security-Auditing';

const from = (event: SecurityEvent): string | undefined => {
  const where = origin(event);
  return where === undefined ? undefined : `from ${where}`;
};
const who = (event: SecurityEvent, slot = 'user') => account(event, slot) ?? '(no account)';
const logonType = (event: SecurityEvent) => {
  const type = text(event, 'winlog.logon.type');
  return type === undefined
    ? undefined
    : ((Object.hasOwn(LOGON_TYPES, type) ? LOGON_TYPES[type] : undefined) ?? `${type} logon`);
};
const withOutcome = (event: SecurityEvent, ok: string, failed: string) =>
  text(event, 'event.outcome') === 'failure' ? failed : ok;

const WINDOWS: Record<string, Summarizer> = {
  '4624': (e) => line(`4624 logon: ${who(e)}`, from(e), [logonType(e)]),
  '4625': (e) => line(`4625 failed logon: ${who(e)}`, from(e), [logonType(e), text(e, 'event.reason')]),
  '4648': (e) =>
    line(`4648 explicit credentials: ${who(e)} used ${who(e, 'user.effective')}`, target(e), [
      text(e, 'process.name'),
    ]),
  '4740': (e) =>
    line(`4740 account locked out: ${text(e, 'user.target.name') ?? '(no account)'}`, undefined, [caller(e)]),
  '4768': (e) =>
    line(`4768 Kerberos ticket (TGT) ${withOutcome(e, 'issued', 'refused')}: ${who(e)}`, from(e), [
      text(e, 'event.reason'),
    ]),
  '4769': (e) =>
    line(`4769 Kerberos service ticket ${withOutcome(e, 'issued', 'refused')}: ${who(e)}`, from(e), [
      text(e, 'winlog.event_data.ServiceName') && `service ${text(e, 'winlog.event_data.ServiceName')}`,
      text(e, 'event.reason'),
    ]),
  '4771': (e) =>
    line(`4771 Kerberos pre-authentication failed: ${who(e)}`, from(e), [text(e, 'event.reason')]),
  '4776': (e) =>
    line(`4776 NTLM credential validation ${withOutcome(e, 'succeeded', 'failed')}: ${who(e)}`, from(e), [
      text(e, 'event.reason'),
    ]),
};

const BY_ACTION: Record<string, Summarizer> = {
  'mssql-login-failed': (e) =>
    line(`${text(e, 'event.code') ?? ''} SQL Server login failed: ${who(e)}`.trim(), from(e), [
      text(e, 'event.reason'),
    ]),
  'rdp-connection-accepted': (e) => line('131 RDP connection accepted', rdpFrom(e)),
  'rdp-nla-failed': (e) =>
    line('140 RDP network-level authentication failed', rdpFrom(e), [text(e, 'event.reason')]),
  'rdp-user-authenticated': (e) => line(`1149 RDP user authenticated: ${who(e)}`, rdpFrom(e)),
};

/** 4648: `for DC01 (10.0.0.10)`: the server the credentials were used for, and its address. */
function target(event: SecurityEvent): string | undefined {
  const server = text(event, 'winlog.event_data.TargetServerName');
  const ip = text(event, 'source.ip');
  if (server === undefined) return ip === undefined ? undefined : `for ${ip}`;
  return ip === undefined ? `for ${server}` : `for ${server} (${ip})`;
}

/** 4740 names the computer the lockout came from in TargetDomainName. */
function caller(event: SecurityEvent): string | undefined {
  const computer = text(event, 'winlog.event_data.TargetDomainName');
  return computer === undefined ? undefined : `caller ${computer}`;
}

function rdpFrom(event: SecurityEvent): string | undefined {
  const ip = text(event, 'source.ip');
  if (ip === undefined) return undefined;
  const port = text(event, 'source.port');
  return `from ${ip}${port === undefined ? '' : ` port ${port}`}`;
}

/** A line for a Windows event Klaxon knows (by provider action or Security event id), else undefined. */
export function summarizeWindows(event: SecurityEvent): string | undefined {
  const action = text(event, 'event.action');
  const byAction = action === undefined || !Object.hasOwn(BY_ACTION, action) ? undefined : BY_ACTION[action];
  if (byAction !== undefined) return byAction(event);
  const provider = text(event, 'event.provider') ?? text(event, 'winlog.provider_name');
  if (provider !== undefined && provider !== SECURITY_AUDITING) return undefined;
  const code = text(event, 'event.code');
  const summarize = code === undefined || !Object.hasOwn(WINDOWS, code) ? undefined : WINDOWS[code];
  return summarize?.(event);
}

/** Whether the event comes from Windows (a winlog object, or a Windows event provider). */
export function isWindowsEvent(event: SecurityEvent): boolean {
  return typeof event.winlog === 'object' && event.winlog !== null;
}
