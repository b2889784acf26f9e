import type { SecurityEvent } from '../../core/index.ts';
import { keepsField } from '../slim-event.ts';
import { fillPath, readData } from './fill-field.ts';
import { nameLogonType } from './logon-types.ts';

const LOGON_TYPE = ['winlog', 'logon', 'type'];
const LOGON_ID = ['winlog', 'logon', 'id'];
const PROCESS_PID = ['process', 'pid'];
const PROCESS_EXECUTABLE = ['process', 'executable'];
const PROCESS_NAME = ['process', 'name'];

/** winlog.logon.type (`RemoteInteractive` for 10, ...); winlog.event_data.LogonType stays as it is. */
export function mapLogonType(event: SecurityEvent, data: Record<string, unknown>): void {
  if (keepsField(event, LOGON_TYPE)) fillPath(event, LOGON_TYPE, nameLogonType(readData(data, 'LogonType')));
}

/** winlog.logon.id from the given logon id field (TargetLogonId for 4624, SubjectLogonId otherwise). */
export function mapLogonId(event: SecurityEvent, data: Record<string, unknown>, key: string): void {
  fillPath(event, LOGON_ID, readData(data, key));
}

/** process.pid/executable/name of the process that asked for the logon; pid `0x0` and `-` mean none. */
export function mapLogonProcess(event: SecurityEvent, data: Record<string, unknown>): void {
  // A slim event is spared the values of the fields it does not keep (fillPath would drop them).
  if (keepsField(event, PROCESS_PID)) {
    const pid = Number(readData(data, 'ProcessId'));
    fillPath(event, PROCESS_PID, Number.isInteger(pid) && pid > 0 ? pid : undefined);
  }
  if (!keepsField(event, PROCESS_EXECUTABLE) && !keepsField(event, PROCESS_NAME)) return;
  const executable = readData(data, 'ProcessName');
  fillPath(event, PROCESS_EXECUTABLE, executable);
  if (executable !== undefined)
    fillPath(event, PROCESS_NAME, executable.slice(executable.lastIndexOf('\\') + 1));
}
