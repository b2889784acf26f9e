import type { Random } from './prng.ts';
import type { WindowsAuthEvent } from './windows-event.ts';
import { toDomainEvent } from './demo-windows-benign.ts';
import { EMPLOYEES, WINDOWS_HOSTS } from './people.ts';
import { SCHEDULE } from './schedule.ts';

export const RDP_TARGET_USER = 'administrator';
const RDP_ATTEMPTS = 40;

/** (b) 40 RDP logons (type 10) for administrator on the published RDS host, from one address, over ~5 minutes. */
export function generateRdpBruteForce(start: number, random: Random): WindowsAuthEvent[] {
  const { offset, sourceIp } = SCHEDULE.rdpBruteForce;
  return Array.from({ length: RDP_ATTEMPTS }, (_, i) =>
    toDomainEvent({
      code: '4625',
      at: start + offset + i * 7_300 + random.int(0, 900),
      computer: WINDOWS_HOSTS.rds,
      user: RDP_TARGET_USER,
      domain: 'RDS01',
      ip: sourceIp,
      port: 0,
      workstation: '-',
      logonType: 10,
    }),
  );
}

/** Names a sprayer guesses that do not exist in the domain (SubStatus 0xc0000064). */
const GUESSED_ACCOUNTS = [
  'admin',
  'test',
  'backup',
  'scanner',
  'helpdesk',
  'info',
  'support',
  'reception',
  'training',
  'guest',
  'sales',
];
const SPRAYED_EMPLOYEES = 18;
const SECOND_ROUND = 8;

/**
 * (c) One address tries 30 accounts with a common password over NTLM against Exchange (4625,
 * LogonType 3), then a second password on eight of them: 38 events in ~10 minutes, at most two per account.
 */
export function generatePasswordSpray(start: number, random: Random): WindowsAuthEvent[] {
  const { offset, sourceIp } = SCHEDULE.passwordSpray;
  const real = ['administrator', ...EMPLOYEES.slice(0, SPRAYED_EMPLOYEES).map((e) => e.user)];
  const accounts = random.shuffle([...real, ...GUESSED_ACCOUNTS]);
  const attempts = [...accounts, ...accounts.slice(0, SECOND_ROUND)];
  return attempts.map((user, i) =>
    toDomainEvent({
      code: '4625',
      at: start + offset + i * 15_000 + random.int(0, 3_000),
      computer: WINDOWS_HOSTS.mail,
      user,
      ip: sourceIp,
      port: random.int(40_000, 60_000),
      workstation: 'WORKSTATION',
      logonType: 3,
      authPackage: 'NTLM',
      subStatus: real.includes(user) ? '0xc000006a' : '0xc0000064',
    }),
  );
}
