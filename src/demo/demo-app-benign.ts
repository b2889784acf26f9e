import type { Random } from './prng.ts';
import type { AppEvent } from './app-event.ts';
import { CUSTOMERS, NOSY_CUSTOMER } from './people.ts';
import type { Customer } from './people.ts';
import { HOUR, MINUTE, isNearAttack } from './schedule.ts';
import { pickDayOffsets } from './day-times.ts';

/** Customers shopping from 07:00 to 23:30: logins (the odd typo), and a few one-off web errors. */
export function generateBenignApp(start: number, random: Random): AppEvent[] {
  const events: AppEvent[] = [];
  const customers = [...CUSTOMERS, NOSY_CUSTOMER];
  customers.forEach((customer, index) => {
    const own = random.fork(customer.user);
    const offsets = pickDayOffsets(own, own.int(1, 3), 7 * HOUR, 23.5 * HOUR, 20 * MINUTE);
    for (const offset of offsets) {
      const login = start + offset;
      events.push(...generateLogin(customer, login, isNearAttack(offset) ? 0 : pickTypos(own), own));
    }
    // One stale CSRF token (a tab left open overnight) or one wrong link; never twice for anyone.
    const first = offsets[0];
    if (first === undefined || isNearAttack(first + 10 * MINUTE) || customer === NOSY_CUSTOMER) return;
    const at = start + first + own.int(2, 9) * MINUTE;
    if (index % 13 === 3) events.push(webError(customer, at, 'csrf_token_invalid', 'POST', '/cart/checkout'));
    if (index % 17 === 5)
      events.push(webError(customer, at, 'access_forbidden', 'GET', '/account/company-invoices'));
  });
  return events;
}

export function generateLogin(customer: Customer, at: number, typos: number, random: Random): AppEvent[] {
  const events: AppEvent[] = [];
  let when = at;
  const base = {
    action: 'login' as const,
    user: customer.user,
    ip: customer.ip,
    method: 'POST' as const,
    path: '/login',
    userAgent: customer.userAgent,
  };
  for (let i = 0; i < typos; i++) {
    events.push({ ...base, at: when, outcome: 'failure', status: 401 });
    when += random.int(4_000, 20_000);
  }
  events.push({ ...base, at: when, outcome: 'success', status: 302 });
  return events;
}

function webError(
  customer: Customer,
  at: number,
  action: AppEvent['action'],
  method: AppEvent['method'],
  path: string,
): AppEvent {
  return {
    at,
    action,
    outcome: 'failure',
    user: customer.user,
    ip: customer.ip,
    method,
    path,
    status: 403,
    userAgent: customer.userAgent,
  };
}

function pickTypos(random: Random): number {
  const roll = random.next();
  return roll < 0.02 ? 2 : roll < 0.09 ? 1 : 0;
}
