import type { SecurityEvent } from '../../core/index.ts';
import { isObject } from '../../core/index.ts';
import { isMssqlProvider } from './mssql-login.ts';

/** The event data enrichWindowsEvent reads (SQL Server logins aside: see needsWholeWindowsEvent). */
const EVENT_DATA = [
  'TargetUserName',
  'TargetUserSid',
  'TargetSid',
  'TargetDomainName',
  'SubjectUserName',
  'SubjectUserSid',
  'SubjectDomainName',
  'SubjectLogonId',
  'TargetLogonId',
  'LogonType',
  'WorkstationName',
  'Workstation',
  'IpAddress',
  'IpPort',
  'ProcessId',
  'ProcessName',
  'Status',
  'SubStatus',
  'FailureReason',
  'StatusDescription',
  'ClientIP',
  'IPString',
  'Param1',
  'Param2',
  'Param3',
  'AccountName',
  'AccountDomain',
  'ClientAddress',
  'CallingStationID',
  'LogonID',
  'MemberName',
  'MemberSid',
];

/**
 * Every field enrichWindowsEvent decides by, besides the fields it fills (whose present values
 * win: a rule that reads one selects it): with these selected, it fills the rules' fields of a
 * slim event exactly as it fills them in the whole document.
 */
export const WINDOWS_ENRICH_READS: readonly string[] = [
  // An NXLog document's (nxlog-document.ts): such a document is read whole and reshaped.
  'EventID',
  'event',
  'winlog.event_id',
  'winlog.provider_name',
  'winlog.user_data',
  'user.name',
  'user.target.name',
  'user.effective.name',
  'group.name',
  'group.domain',
  'group.id',
  'source.ip',
  ...EVENT_DATA.map((key) => `winlog.event_data.${key}`),
];

/**
 * SQL Server logins are read from all their event data and message, and NXLog's flat documents
 * are reshaped from all their fields: those are read whole.
 */
export function needsWholeWindowsEvent(event: SecurityEvent): boolean {
  const winlog = isObject(event.winlog) ? event.winlog : undefined;
  if (winlog === undefined && (event as Record<string, unknown>).EventID !== undefined) return true;
  return isMssqlProvider(event.event.provider ?? winlog?.provider_name);
}
