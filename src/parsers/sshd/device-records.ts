import type { SecurityEvent } from '../../core/index.ts';
import { mapFortigateRecord, NOT_FORTIGATE, readFortigateLine } from '../fortigate/index.ts';
import { mapPanosRecord, NOT_PANOS, readPanosLine } from '../panos/index.ts';
import type { RecordTime } from '../record-parser.ts';
import { mapSonicwallRecord, NOT_SONICWALL, readSonicwallLine } from '../sonicwall/index.ts';
import { mapSophosRecord, NOT_SOPHOS, readSophosLine } from '../sophos/index.ts';

/**
 * A firewall's record in a syslog line's message: its time and its event, or why it gives none (an
 * unused record, one without an address).
 */
export type DeviceRecord = string | { record: RecordTime; toEvent: (line: string) => SecurityEvent };

type DeviceReader = (message: string) => DeviceRecord | undefined;

/** A reader asked only for messages that `starts` says may be its records; `notIt` is its reason for any other. */
function device<T extends RecordTime>(
  starts: (message: string) => boolean,
  read: (message: string) => T | string,
  notIt: string,
  map: (line: string, record: T) => SecurityEvent,
): DeviceReader {
  return (message) => {
    if (!starts(message)) return undefined;
    const record = read(message);
    if (record === notIt) return undefined;
    return typeof record === 'string' ? record : { record, toEvent: (line) => map(line, record) };
  };
}

/** A PAN-OS record's start (`1,2024/03/04 10:00:01,`). */
const PANOS_RECORD = /^\d,\d{4}\/\d{2}\/\d{2} /;

const DEVICES: readonly DeviceReader[] = [
  device((message) => message.startsWith('date='), readFortigateLine, NOT_FORTIGATE, mapFortigateRecord),
  device(
    (message) => message.startsWith('device=') || message.startsWith('device_name='),
    readSophosLine,
    NOT_SOPHOS,
    mapSophosRecord,
  ),
  device((message) => message.startsWith('id='), readSonicwallLine, NOT_SONICWALL, mapSonicwallRecord),
  device((message) => PANOS_RECORD.test(message), readPanosLine, NOT_PANOS, mapPanosRecord),
];

/**
 * The record of a FortiGate, Sophos Firewall, SonicWall or PAN-OS device that a syslog server stored
 * behind its own header (no program: the message is the record), or undefined for another message.
 */
export function readDeviceRecord(message: string): DeviceRecord | undefined {
  for (const read of DEVICES) {
    const found = read(message);
    if (found !== undefined) return found;
  }
  return undefined;
}
