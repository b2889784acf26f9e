import { describe, expect, it } from 'vitest';
import { getField } from '../../core/index.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { windowsParser } from './index.ts';
import { RCM_PROVIDER, RDP_CORE_PROVIDER } from './rdp-events.ts';

function winlogbeatDoc(provider: string, code: string, eventData: Record<string, unknown>) {
  return {
    '@timestamp': '2024-05-01T03:47:22.118Z',
    event: { code, kind: 'event', provider },
    winlog: { channel: 'Operational', event_id: code, provider_name: provider, event_data: eventData },
  };
}

describe('Remote Desktop events among other providers', () => {
  it('maps each by its own provider when providers alternate line after line', () => {
    const parser = windowsParser.create({});
    const docs = [
      winlogbeatDoc(RCM_PROVIDER, '1149', { Param1: 'alice', Param2: 'CORP', Param3: '10.0.0.44' }),
      winlogbeatDoc(RDP_CORE_PROVIDER, '140', { IPString: '203.0.113.9' }),
      // The same event id under a provider with no Remote Desktop mapping.
      winlogbeatDoc('Microsoft-Windows-Sysmon', '140', { IPString: '198.51.100.1' }),
      winlogbeatDoc(RDP_CORE_PROVIDER, '1149', { Param1: 'mallory', Param3: '198.51.100.2' }),
      winlogbeatDoc(RDP_CORE_PROVIDER, '131', { ClientIP: '10.0.0.5:51234' }),
      winlogbeatDoc(RCM_PROVIDER, '1149', { Param1: 'bob', Param2: 'CORP', Param3: '10.0.0.45' }),
    ];
    const events: SecurityEvent[] = [];
    for (const doc of docs)
      expect(parser.parseLine(JSON.stringify(doc), (event) => events.push(event))).toBeNull();
    expect(events.map((event) => event.event.action)).toEqual([
      'rdp-user-authenticated',
      'rdp-nla-failed',
      undefined,
      undefined,
      'rdp-connection-accepted',
      'rdp-user-authenticated',
    ]);
    expect(events.map((event) => getField(event, 'source.ip'))).toEqual([
      '10.0.0.44',
      '203.0.113.9',
      undefined,
      undefined,
      '10.0.0.5',
      '10.0.0.45',
    ]);
    expect(events[5]?.user).toEqual({ name: 'bob', domain: 'CORP' });
  });
});
