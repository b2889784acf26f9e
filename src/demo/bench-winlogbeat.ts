import { createRandom } from './prng.ts';
import { createBenchAddresses, createBenchUsers } from './bench-keys.ts';
import type { BenchSourceOptions, LineSource } from './line-source.ts';
import { compileWinlogbeatTemplate, writeWinlogbeatDoc } from './winlogbeat-encoder.ts';
import type { WinlogbeatTemplate } from './winlogbeat-encoder.ts';
import type { WindowsAuthEvent } from './windows-event.ts';

export interface Winlogbeat4625Options extends BenchSourceOptions {
  users?: number;
  addresses?: number;
  computers?: number;
}

/** About one document in 500 is written up to a second before the one ahead of it, as shippers do. */
const OUT_OF_ORDER_RATE = 0.002;
const LOGON_TYPES = [3, 10, 8];
const ATTACKER_WORKSTATIONS = [
  '-',
  '-',
  '-',
  'WORKSTATION',
  'kali',
  'DESKTOP-7F3KQ2M',
  'WIN-R2D2C3PO',
  'nmap',
];

/**
 * Failed Windows logons (4625) for the benchmark: skewed keys (a few addresses and accounts
 * carry much of the traffic, most appear a handful of times), timestamps rising over `spanMs`.
 */
export function createWinlogbeat4625Source(options: Winlogbeat4625Options): LineSource {
  const random = createRandom(options.seed).fork('winlogbeat-4625');
  const users = createBenchUsers(options.users ?? 50_000);
  const addresses = createBenchAddresses(options.addresses ?? 200_000, random.fork('addresses'));
  const computers = createComputers(options.computers ?? 200);
  const records = computers.map((_, i) => 1_000_000 + i * 7_919);
  const meanGap = options.spanMs / Math.max(1, options.lines);
  // One template per shape: computer × logon type × known/unknown account × workstation given or `-`.
  const templates = new Map<number, WinlogbeatTemplate | null>();
  let time = options.start;

  return {
    writeLine(target, offset) {
      time += -Math.log(1 - random.next()) * meanGap;
      const at = random.chance(OUT_OF_ORDER_RATE) ? time - random.int(1, 1_000) : time;
      const host = random.skewedIndex(computers.length, 2);
      const computer = computers[host] as string;
      const roll = random.next();
      const typeIndex = roll < 0.8 ? 0 : roll < 0.97 ? 1 : 2;
      const logonType = LOGON_TYPES[typeIndex] as number;
      const user = users[random.skewedIndex(users.length, 4)] as string;
      const unknown = random.chance(0.4);
      const workstation = random.pick(ATTACKER_WORKSTATIONS);
      const event: WindowsAuthEvent = {
        code: '4625',
        at: Math.floor(at),
        computer,
        recordId: (records[host] = (records[host] as number) + 1),
        user,
        domain: unknown ? computer.slice(0, computer.indexOf('.')) : 'CORP',
        domainNetbios: 'CORP',
        domainDns: 'corp.example.com',
        ip: addresses[random.skewedIndex(addresses.length, 3)] as string,
        port: logonType === 10 ? 0 : random.int(1_024, 65_535),
        workstation,
        logonType,
        authPackage: 'NTLM',
        subStatus: unknown ? '0xc0000064' : '0xc000006a',
      };
      const shape = ((host * 3 + typeIndex) * 2 + (unknown ? 1 : 0)) * 2 + (workstation === '-' ? 1 : 0);
      let template = templates.get(shape);
      if (template === undefined) {
        template = compileWinlogbeatTemplate(event);
        templates.set(shape, template);
      }
      return writeWinlogbeatDoc(template, event, target, offset);
    },
  };
}

function createComputers(count: number): string[] {
  const computers = ['DC01', 'DC02', 'EXCH01', 'RDS01', 'RDS02', 'VPN01'];
  for (let i = 1; computers.length < count; i++) computers.push(`SRV${String(i).padStart(4, '0')}`);
  return computers.slice(0, count).map((name) => `${name}.corp.example.com`);
}
