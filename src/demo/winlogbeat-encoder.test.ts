import { describe, expect, it } from 'vitest';
import { createWinlogbeatEncoder } from './winlogbeat-encoder.ts';
import { formatWinlogbeatDoc } from './winlogbeat-doc.ts';
import { createRandom } from './prng.ts';
import type { WindowsAuthEvent, WindowsEventCode } from './windows-event.ts';

function randomEvent(random: ReturnType<typeof createRandom>, i: number): WindowsAuthEvent {
  const code = random.pick<WindowsEventCode>(['4624', '4625', '4625', '4771', '4776']);
  const logonType = random.pick([2, 3, 8, 10]);
  return {
    code,
    at: Date.UTC(2024, 2, 4) + i * 997,
    computer: random.pick(['DC01.corp.example.com', 'RDS01.corp.example.com', 'SRV0001.corp.example.com']),
    recordId: 1_000 + i,
    user: random.pick(['alice', 'administrator', `user${i}`]),
    domain: random.pick(['CORP', 'RDS01']),
    domainNetbios: 'CORP',
    domainDns: 'corp.example.com',
    ip: random.pick([undefined, '-', `203.0.113.${i % 250}`]),
    port: logonType === 10 ? 0 : random.pick([undefined, 50_000 + i]),
    workstation: random.pick([undefined, '-', 'kali', 'WS-07']),
    logonType,
    authPackage: random.pick(['NTLM', 'Kerberos'] as const),
    subStatus: random.pick(['0xc000006a', '0xc0000064']),
  };
}

describe('createWinlogbeatEncoder', () => {
  it('writes exactly what formatWinlogbeatDoc formats, for every shape', () => {
    const encode = createWinlogbeatEncoder();
    const random = createRandom(17);
    const target = Buffer.alloc(1 << 16);
    for (let i = 0; i < 3_000; i++) {
      const event = randomEvent(random, i);
      const end = encode(event, target, 10);
      expect(target.toString('utf8', 10, end)).toBe(formatWinlogbeatDoc(event));
    }
  });

  it('escapes values that need it instead of copying them into the template', () => {
    const encode = createWinlogbeatEncoder();
    const base = randomEvent(createRandom(1), 1);
    const target = Buffer.alloc(1 << 16);
    encode(base, target, 0);
    const odd = { ...base, user: 'CORP\\"eve"' };
    const end = encode(odd, target, 0);
    const doc = JSON.parse(target.toString('utf8', 0, end));
    expect(doc.user.name).toBe('CORP\\"eve"');
  });
});
