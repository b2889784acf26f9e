import type { Random } from './prng.ts';

/** Account names attackers try first; they head the list so the skewed draw makes them the heavy hitters. */
export const COMMON_TARGETS = [
  'administrator', 'admin', 'user', 'test', 'guest', 'backup', 'scanner', 'support', 'sql', 'helpdesk',
  'root', 'oracle', 'postgres', 'ftpuser', 'pi', 'ubuntu', 'demo', 'info', 'sales', 'training',
]; // prettier-ignore

const FIRST = [
  'anna', 'ben', 'clara', 'dan', 'eva', 'finn', 'gina', 'hans', 'ida', 'jan', 'kim', 'lars', 'mona', 'nina', 'omar',
  'pia', 'rafael', 'sara', 'tim', 'uma', 'vik', 'wanda', 'yusuf', 'zora', 'adam', 'bea', 'carl', 'dora', 'emil', 'fay',
]; // prettier-ignore
const LAST = [
  'meyer', 'schmidt', 'novak', 'rossi', 'martin', 'bernard', 'jansen', 'silva', 'kowalski', 'nielsen', 'horvat',
  'popescu', 'ivanova', 'garcia', 'lopez', 'dubois', 'weber', 'wagner', 'becker', 'hoffmann',
]; // prettier-ignore

/** `count` distinct account names: the common targets first, then `first.last`, then numbered variants. */
export function createBenchUsers(count: number): string[] {
  const users = COMMON_TARGETS.slice(0, count);
  const combos = FIRST.length * LAST.length;
  for (let i = 0; users.length < count; i++) {
    const base = `${FIRST[i % FIRST.length]}.${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    const round = Math.floor(i / combos);
    users.push(round === 0 ? base : `${base}${round + 1}`);
  }
  return users;
}

/** First octets that are neither private, loopback, link-local, shared nor documentation space. */
const EXCLUDED_FIRST_OCTETS = new Set([0, 10, 100, 127, 169, 172, 192, 198, 203]);

/** `count` distinct public-looking IPv4 addresses in random order. */
export function createBenchAddresses(count: number, random: Random): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    const a = random.int(1, 223);
    if (EXCLUDED_FIRST_OCTETS.has(a)) continue;
    seen.add(`${a}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`);
  }
  return [...seen];
}
