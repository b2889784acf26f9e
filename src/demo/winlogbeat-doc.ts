import { formatIsoTime, quoteJson } from './json-text.ts';
import type { WindowsAuthEvent, WindowsEventCode } from './windows-event.ts';
import { isWindowsFailure } from './windows-event.ts';
import { buildEventData, FAILURE_TEXT, LOGON_TYPE_NAMES, nameHash } from './windows-event-data.ts';

/** What Winlogbeat's security module adds per event id (`event.action`, `winlog.task`). */
const EVENT_INFO: Record<WindowsEventCode, { action: string; task: string }> = {
  '4624': { action: 'logged-in', task: 'Logon' },
  '4625': { action: 'logon-failed', task: 'Logon' },
  '4771': { action: 'kerberos-preauth-failed', task: 'Kerberos Authentication Service' },
  '4776': { action: 'credential-validated', task: 'Credential Validation' },
};

/**
 * One Security event as Winlogbeat 8 ships it to Elasticsearch: one JSON object (one NDJSON line)
 * with `@timestamp`, `event.*`, `host.name`, `winlog.*` (`event_id` a string, `event_data` as
 * Windows renders it) and the ECS fields the security module fills (`source.ip`, `user.name`, ...).
 */
export function formatWinlogbeatDoc(e: WindowsAuthEvent): string {
  const info = EVENT_INFO[e.code];
  const failure = isWindowsFailure(e);
  const ip = e.ip !== undefined && e.ip !== '-' && e.code !== '4776' ? e.ip : undefined;
  // lsass writes the Security log: one process per computer.
  const lsass = 560 + (nameHash(e.computer) % 200);
  const thread = 4000 + (nameHash(e.computer) % 3000);
  return `{"@timestamp":"${formatIsoTime(e.at)}","event":{"code":"${e.code}","kind":"event","provider":"Microsoft-Windows-Security-Auditing","module":"security","action":"${
    info.action
  }","category":["authentication"],"type":["start"],"outcome":"${failure ? 'failure' : 'success'}"},"log":{"level":"information"},"host":{"name":${quoteJson(
    e.computer,
  )}},"agent":{"type":"winlogbeat","version":"8.15.0"},"ecs":{"version":"8.0.0"},"winlog":{"channel":"Security","provider_name":"Microsoft-Windows-Security-Auditing","provider_guid":"{54849625-5478-4994-a5ba-3e3b0328c30d}","event_id":"${
    e.code
  }","computer_name":${quoteJson(e.computer)},"record_id":${e.recordId},"api":"wineventlog","task":"${
    info.task
  }","opcode":"Info","keywords":["${failure ? 'Audit Failure' : 'Audit Success'}"],"process":{"pid":${lsass},"thread":{"id":${
    thread
  }}},${buildLogon(e)}"event_data":${buildEventData(e)}},${buildSource(e, ip)}"user":{"name":${quoteJson(e.user)}${
    e.code === '4624' || e.code === '4625' ? `,"domain":${quoteJson(e.domain)}` : ''
  }},"related":{"user":[${quoteJson(e.user)}]${ip ? `,"ip":["${ip}"]` : ''}}}`;
}

const logonCache = new Map<string, string>();

function buildLogon(e: WindowsAuthEvent): string {
  if (e.code !== '4624' && e.code !== '4625') return '';
  const key = `${e.code}|${e.logonType}|${e.status}|${e.subStatus}`;
  let logon = logonCache.get(key);
  if (logon === undefined) {
    logon = formatLogon(e);
    logonCache.set(key, logon);
  }
  return logon;
}

function formatLogon(e: WindowsAuthEvent): string {
  const type = LOGON_TYPE_NAMES[e.logonType ?? 3] ?? 'Network';
  if (e.code === '4624') return `"logon":{"type":"${type}"},`;
  const status = e.status ?? '0xc000006d';
  const subStatus = e.subStatus ?? '0xc000006a';
  return `"logon":{"type":"${type}","failure":{"reason":"Unknown user name or bad password.","status":${quoteJson(
    FAILURE_TEXT[status] ?? status,
  )},"sub_status":${quoteJson(FAILURE_TEXT[subStatus] ?? subStatus)}}},`;
}

function buildSource(e: WindowsAuthEvent, ip: string | undefined): string {
  const parts: string[] = [];
  if (ip) parts.push(`"ip":"${ip}"`);
  if (ip && e.port !== undefined && e.port > 0) parts.push(`"port":${e.port}`);
  if (e.workstation && e.workstation !== '-' && e.code !== '4771')
    parts.push(`"domain":${quoteJson(e.workstation)}`);
  return parts.length > 0 ? `"source":{${parts.join(',')}},` : '';
}
