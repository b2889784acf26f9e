import type { SecurityEvent } from '../../core/index.ts';
import { describeFailureReason } from './failure-reasons.ts';
import { keepsField } from '../slim-event.ts';
import { fillPath, readData } from './fill-field.ts';
import { explainKerberosFailure, nameKerberosStatus } from './kerberos-status.ts';
import { describeLogonStatus, explainLogonFailure } from './logon-status.ts';
import { canonicalStatus } from './status-code.ts';

const FAILURE_STATUS = ['winlog', 'logon', 'failure', 'status'];
const FAILURE_SUB_STATUS = ['winlog', 'logon', 'failure', 'sub_status'];
const FAILURE_REASON = ['winlog', 'logon', 'failure', 'reason'];
const KERBEROS_STATUS_DESCRIPTION = ['winlog', 'event_data', 'StatusDescription'];
const EVENT_REASON = ['event', 'reason'];

/**
 * 4625 (Status, SubStatus, FailureReason) and 4776 (Status only): Winlogbeat's descriptions in
 * winlog.logon.failure.*, and a readable event.reason. The success code `0x0` has no entry, so
 * it describes no failure (Winlogbeat would write "Status OK." there).
 */
export function mapLogonFailure(event: SecurityEvent, data: Record<string, unknown>): void {
  const status = canonicalStatus(readData(data, 'Status'));
  const subStatus = canonicalStatus(readData(data, 'SubStatus'));
  // A slim event is spared the texts of the fields it does not keep (fillPath would drop them).
  if (keepsField(event, FAILURE_STATUS)) fillPath(event, FAILURE_STATUS, describeLogonStatus(status));
  if (keepsField(event, FAILURE_SUB_STATUS))
    fillPath(event, FAILURE_SUB_STATUS, describeLogonStatus(subStatus));
  const explained = keepsField(event, EVENT_REASON) ? explainLogonFailure(status, subStatus) : undefined;
  const failureReason =
    keepsField(event, FAILURE_REASON) || (explained === undefined && keepsField(event, EVENT_REASON))
      ? describeFailureReason(readData(data, 'FailureReason'))
      : undefined;
  fillPath(event, FAILURE_REASON, failureReason);
  fillPath(event, EVENT_REASON, explained ?? failureReason);
}

/** 4768/4769/4771 Status: the KDC_ERR_* name in winlog.event_data.StatusDescription (as Winlogbeat) and event.reason. */
export function mapKerberosFailure(event: SecurityEvent, data: Record<string, unknown>): void {
  const status = canonicalStatus(readData(data, 'Status'));
  fillPath(event, KERBEROS_STATUS_DESCRIPTION, nameKerberosStatus(status));
  fillPath(event, EVENT_REASON, explainKerberosFailure(status));
}

/** Outcome of events whose Status says it: `0x0` success, any other code failure. */
export function outcomeFromStatus(data: Record<string, unknown>): 'success' | 'failure' | undefined {
  const status = canonicalStatus(readData(data, 'Status'));
  if (status === undefined) return undefined;
  return status === '0x0' ? 'success' : 'failure';
}
