import type { SigmaLogsource } from '../types.ts';

/**
 * The event field a Sigma field name of a correlation (`group-by`, value_count `field`,
 * `aliases`) reads. Windows events keep their EventData under `winlog.event_data` (Winlogbeat,
 * native .evtx alike); a dotted name (`source.ip`) is taken as the event's own field.
 */
const WINDOWS_SYSTEM_FIELDS: Readonly<Record<string, string>> = {
  EventID: 'event.code',
  Computer: 'winlog.computer_name',
  ComputerName: 'winlog.computer_name',
  Channel: 'winlog.channel',
  Provider_Name: 'winlog.provider_name',
};

export function eventFieldOf(sigmaField: string, logsource: SigmaLogsource): string {
  if (sigmaField.includes('.')) return sigmaField;
  if (logsource.product === 'windows') {
    return WINDOWS_SYSTEM_FIELDS[sigmaField] ?? `winlog.event_data.${sigmaField}`;
  }
  return sigmaField;
}
