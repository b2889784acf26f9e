import type { SecurityEvent } from '../../../core/index.ts';

const T0 = Date.UTC(2024, 4, 1, 10, 0, 0);

/** A Sysmon process creation (event 1) as Winlogbeat ships it, `offset` ms after T0. */
export function processCreation(
  offset: number,
  image: string,
  commandLine: string,
  extra: Record<string, string> = {},
): SecurityEvent {
  return {
    '@timestamp': new Date(T0 + offset).toISOString(),
    event: { code: '1', provider: 'Microsoft-Windows-Sysmon' },
    host: { name: 'ws-1' },
    winlog: {
      channel: 'Microsoft-Windows-Sysmon/Operational',
      event_id: '1',
      computer_name: 'ws-1',
      event_data: { Image: image, CommandLine: commandLine, User: 'CORP\\alice', ...extra },
    },
  } as SecurityEvent;
}
