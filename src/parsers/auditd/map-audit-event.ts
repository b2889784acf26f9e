import type { EcsEventFields, SecurityEvent } from '../../core/index.ts';
import { isHostName, normalizeIp } from '../sshd/parse-address.ts';
import { RECORD_KINDS } from './audit-record-types.ts';
import { decodeAuditText, isTextField } from './decode-audit-text.ts';
import type { AuditRecord } from './read-audit-record.ts';

/** What auditd writes for a value it does not have: left out of `auditd.log`, as Filebeat does. */
const ABSENT = new Set(['?', '', '(null)']);
/** ... and for an account, an address or a terminal it does not know: no ECS field is made of these. */
const UNKNOWN = new Set([...ABSENT, '(none)', '(unknown)', '(unknown user)', '(invalid user)', 'unset']);
const SUCCESS = new Set(['success', 'yes', '1']);
const FAILURE = new Set(['failed', 'fail', 'failure', 'no', '0']);
/** ids that mean "none" (an unset login uid: (uint32)-1). */
const UNSET_ID = '4294967295';

/**
 * One audit record as an ECS event, named as Filebeat's auditd module names it:
 * `event.action` the record type in lower case, `event.outcome` from `res` (or a syscall's
 * `success`), `event.category`/`type` for the types in RECORD_KINDS, `user.name` from `acct`
 * (and `user.target.name`/`id` from `acct`/`id` when an account is changed),
 * `user.id`/`user.audit.id`/`user.effective.id`, `process.pid`/`ppid`/`executable`/`name`,
 * EXECVE's arguments as `process.args`, `source.ip` (or `source.domain`) from `addr`/`hostname`,
 * `host.name` from `node`. Every field is also in `auditd.log`, text decoded, with `record_type`
 * and `sequence`.
 */
export function mapAuditEvent(line: string, record: AuditRecord, timestamp: string): SecurityEvent {
  const log: Record<string, unknown> = { record_type: record.type, sequence: record.serial };
  for (const [key, value] of record.fields) {
    const text = decodeAuditText(value, isTextField(record.type, key));
    // `key in log`: a field named as something objects inherit (`__proto__`) is left out too.
    if (!ABSENT.has(text) && !(key in log)) log[key] = text;
  }
  const event: SecurityEvent = {
    '@timestamp': timestamp,
    event: buildEventFields(line, record.type, log),
    auditd: { log },
  };
  const user = buildUser(record.type, log);
  if (user !== undefined) event.user = user;
  const process = buildProcess(record.type, log);
  if (process !== undefined) event.process = process;
  const source = buildSource(log);
  if (source !== undefined) event.source = source;
  if (record.node !== undefined) event.host = { name: record.node };
  return event;
}

function buildEventFields(line: string, type: string, log: Record<string, unknown>): EcsEventFields {
  const fields: EcsEventFields = {
    original: line,
    kind: 'event',
    module: 'auditd',
    dataset: 'auditd.log',
    action: type.toLowerCase(),
  };
  const kind = RECORD_KINDS.get(type);
  if (kind !== undefined) {
    fields.category = [kind.category];
    fields.type = [...kind.type];
  }
  const result = text(log.res) ?? text(log.success);
  if (result !== undefined) {
    const lower = result.toLowerCase();
    if (SUCCESS.has(lower)) fields.outcome = 'success';
    else if (FAILURE.has(lower)) fields.outcome = 'failure';
  }
  return fields;
}

function buildUser(type: string, log: Record<string, unknown>): Record<string, unknown> | undefined {
  const user: Record<string, unknown> = {};
  const account = text(log.acct);
  if (account !== undefined) user.name = account;
  if (RECORD_KINDS.get(type)?.targetsAccount) {
    const target: Record<string, string> = {};
    if (account !== undefined) target.name = account;
    const targetId = knownId(log.id);
    if (targetId !== undefined) target.id = targetId;
    if (Object.keys(target).length > 0) user.target = target;
  }
  const id = knownId(log.uid);
  if (id !== undefined) user.id = id;
  const auditId = knownId(log.auid);
  if (auditId !== undefined) user.audit = { id: auditId };
  const effective = knownId(log.euid);
  if (effective !== undefined) user.effective = { id: effective };
  return Object.keys(user).length === 0 ? undefined : user;
}

function buildProcess(type: string, log: Record<string, unknown>): Record<string, unknown> | undefined {
  const process: Record<string, unknown> = {};
  const pid = count(log.pid);
  if (pid !== undefined) process.pid = pid;
  const ppid = count(log.ppid);
  if (ppid !== undefined) process.parent = { pid: ppid };
  const executable = text(log.exe);
  if (executable !== undefined) process.executable = executable;
  const name = text(log.comm);
  if (name !== undefined) process.name = name;
  if (type === 'EXECVE') {
    const args = executeArguments(log);
    if (args.length > 0) {
      process.args = args;
      process.args_count = count(log.argc) ?? args.length;
      process.command_line = args.join(' ');
    }
  }
  const title = text(log.proctitle);
  if (title !== undefined) process.command_line = title;
  const directory = text(log.cwd);
  if (directory !== undefined) process.working_directory = directory;
  return Object.keys(process).length === 0 ? undefined : process;
}

/** EXECVE's `a0`, `a1`, ... in order, as far as they go without a gap. */
function executeArguments(log: Record<string, unknown>): string[] {
  const args: string[] = [];
  for (let index = 0; ; index++) {
    const arg = log[`a${index}`];
    if (typeof arg !== 'string') return args;
    args.push(arg);
  }
}

/** `addr` when it is an IP address, else `hostname` as an address or a DNS name. */
function buildSource(log: Record<string, unknown>): Record<string, string> | undefined {
  const address = text(log.addr);
  const ip = address === undefined ? undefined : normalizeIp(address);
  if (ip !== undefined) return { ip, address: ip };
  const host = text(log.hostname);
  if (host === undefined) return undefined;
  const hostIp = normalizeIp(host);
  if (hostIp !== undefined) return { ip: hostIp, address: hostIp };
  return isHostName(host) ? { domain: host, address: host } : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && !UNKNOWN.has(value) ? value : undefined;
}

function knownId(value: unknown): string | undefined {
  const id = text(value);
  return id === undefined || id === UNSET_ID || !/^\d{1,10}$/.test(id) ? undefined : id;
}

function count(value: unknown): number | undefined {
  const digits = text(value);
  return digits !== undefined && /^\d{1,10}$/.test(digits) ? Number(digits) : undefined;
}
