/**
 * `winlog.event_data` of the Security events Klaxon reads, with the fields, order and value
 * formats Windows renders (compare /work/shared/datasets/windows/evtx-to-mitre-attack/jsonl).
 * Built as JSON text rather than objects: the benchmark writes a million of them.
 */
import { quoteJson } from './json-text.ts';
import type { WindowsAuthEvent } from './windows-event.ts';

const DOMAIN_SID = 'S-1-5-21-3623811015-3361044348-30300820';
const WINLOGON = 'C:\\Windows\\System32\\winlogon.exe';

export const LOGON_TYPE_NAMES: Record<number, string> = {
  2: 'Interactive',
  3: 'Network',
  8: 'NetworkCleartext',
  10: 'RemoteInteractive',
  11: 'CachedInteractive',
};

/** Winlogbeat's `winlog.logon.failure.*` texts for the status codes we generate. */
export const FAILURE_TEXT: Record<string, string> = {
  '0xc000006d': 'This is either due to a bad username or authentication information.',
  '0xc000006a': 'User logon with misspelled or bad password',
  '0xc0000064': 'User logon with misspelled or bad user account',
};

export function buildEventData(e: WindowsAuthEvent): string {
  switch (e.code) {
    case '4624':
      return build4624(e);
    case '4625':
      return build4625(e);
    case '4771':
      return build4771(e);
    case '4776':
      return `{"PackageName":"MICROSOFT_AUTHENTICATION_PACKAGE_V1_0","TargetUserName":${quoteJson(e.user)},"Workstation":${quoteJson(
        e.workstation ?? '-',
      )},"Status":${quoteJson(e.status ?? '0x0')}}`;
  }
}

/** Interactive and RDP logons are made by winlogon on behalf of the machine account; network ones by nobody. */
function subjectFields(e: WindowsAuthEvent): string {
  if (e.logonType === 2 || e.logonType === 10) {
    const machine = `${e.computer.split('.')[0]}$`;
    return `"SubjectUserSid":"S-1-5-18","SubjectUserName":${quoteJson(machine)},"SubjectDomainName":${quoteJson(
      e.domainNetbios,
    )},"SubjectLogonId":"0x3e7"`;
  }
  return '"SubjectUserSid":"S-1-0-0","SubjectUserName":"-","SubjectDomainName":"-","SubjectLogonId":"0x0"';
}

function processFields(e: WindowsAuthEvent): string {
  const interactive = e.logonType === 2 || e.logonType === 10;
  const process = interactive
    ? `"ProcessId":"0x${(0x1000 + (nameHash(e.computer) % 0x800)).toString(16)}","ProcessName":${quoteJson(WINLOGON)}`
    : '"ProcessId":"0x0","ProcessName":"-"';
  return `${process},"IpAddress":${quoteJson(e.ip ?? '-')},"IpPort":${quoteJson(e.port === undefined ? '-' : String(e.port))}`;
}

function logonProcess(e: WindowsAuthEvent): string {
  if (e.logonType === 2 || e.logonType === 10)
    return '"LogonProcessName":"User32 ","AuthenticationPackageName":"Negotiate"';
  if (e.authPackage === 'Kerberos')
    return '"LogonProcessName":"Kerberos","AuthenticationPackageName":"Kerberos"';
  return '"LogonProcessName":"NtLmSsp ","AuthenticationPackageName":"NTLM"';
}

function build4625(e: WindowsAuthEvent): string {
  return `{${subjectFields(e)},"TargetUserSid":"S-1-0-0","TargetUserName":${quoteJson(e.user)},"TargetDomainName":${quoteJson(
    e.domain,
  )},"Status":${quoteJson(e.status ?? '0xc000006d')},"FailureReason":"%%2313","SubStatus":${quoteJson(
    e.subStatus ?? '0xc000006a',
  )},"LogonType":"${e.logonType}",${logonProcess(e)},"WorkstationName":${quoteJson(
    e.workstation ?? '-',
  )},"TransmittedServices":"-","LmPackageName":"-","KeyLength":"0",${processFields(e)}}`;
}

function build4624(e: WindowsAuthEvent): string {
  const ntlm = e.authPackage === 'NTLM' && e.logonType === 3;
  return `{${subjectFields(e)},"TargetUserSid":"${DOMAIN_SID}-${userRid(e.user)}","TargetUserName":${quoteJson(
    e.user,
  )},"TargetDomainName":${quoteJson(e.domain)},"TargetLogonId":"${logonId(e.recordId)}","LogonType":"${
    e.logonType
  }",${logonProcess(e)},"WorkstationName":${quoteJson(e.workstation ?? '-')},"LogonGuid":"${logonGuid(
    e.recordId,
    e.authPackage === 'Kerberos',
  )}","TransmittedServices":"-","LmPackageName":"${ntlm ? 'NTLM V2' : '-'}","KeyLength":"${
    ntlm ? 128 : 0
  }",${processFields(e)},"ImpersonationLevel":"%%1833","RestrictedAdminMode":"-","TargetOutboundUserName":"-","TargetOutboundDomainName":"-","VirtualAccount":"%%1843","TargetLinkedLogonId":"0x0","ElevatedToken":"%%1843"}`;
}

function build4771(e: WindowsAuthEvent): string {
  return `{"TargetUserName":${quoteJson(e.user)},"TargetSid":"${DOMAIN_SID}-${userRid(e.user)}","ServiceName":${quoteJson(
    `krbtgt/${e.domainDns.toUpperCase()}`,
  )},"TicketOptions":"0x40810010","Status":${quoteJson(e.status ?? '0x18')},"PreAuthType":"2","IpAddress":${quoteJson(
    `::ffff:${e.ip ?? '127.0.0.1'}`,
  )},"IpPort":${quoteJson(String(e.port ?? 0))},"CertIssuerName":"","CertSerialNumber":"","CertThumbprint":""}`;
}

/** A stable relative id per account name, in the range real domains hand out. */
export function userRid(user: string): number {
  return 1100 + (nameHash(user) % 50_000);
}

/** FNV-1a: stable per-name numbers (process ids, relative ids) without a random stream. */
export function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

function logonId(recordId: number): string {
  return `0x${(Math.imul(recordId, 0x9e3779b1) >>> 8).toString(16)}`;
}

function logonGuid(recordId: number, kerberos: boolean): string {
  if (!kerberos) return '{00000000-0000-0000-0000-000000000000}';
  const a = (Math.imul(recordId, 0x85ebca6b) >>> 0).toString(16).padStart(8, '0');
  const b = (Math.imul(recordId, 0xc2b2ae35) >>> 0).toString(16).padStart(8, '0');
  return `{${a}-${b.slice(0, 4)}-${b.slice(4)}-${a.slice(2, 6)}-${b}${a.slice(0, 4)}}`;
}
