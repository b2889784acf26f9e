import type { Random } from './prng.ts';
import type { AppEvent } from './app-event.ts';
import { NOSY_CUSTOMER } from './people.ts';
import { SCHEDULE } from './schedule.ts';
import { generateLogin } from './demo-app-benign.ts';

const CSRF_ATTEMPTS = 15;
const CSRF_PATHS = ['/account/email', '/account/password', '/cart/checkout'];
const BOT_AGENT = 'python-requests/2.31.0';

/** (e1) 15 state-changing requests with a forged or missing CSRF token from one address in ~2 minutes. */
export function generateCsrfBurst(start: number, random: Random): AppEvent[] {
  const { offset, sourceIp } = SCHEDULE.appCsrfBurst;
  return Array.from({ length: CSRF_ATTEMPTS }, (_, i) => ({
    at: start + offset + i * 8_000 + random.int(0, 1_500),
    action: 'csrf_token_invalid',
    outcome: 'failure',
    ip: sourceIp,
    method: 'POST',
    path: CSRF_PATHS[i % CSRF_PATHS.length] as string,
    status: 403,
    userAgent: BOT_AGENT,
  }));
}

const FORBIDDEN_PATHS = [
  '/admin',
  '/admin/orders',
  '/admin/users',
  '/api/admin/export',
  '/admin/settings',
  '/admin/coupons',
];
/** F = forbidden page, T = someone else's order id. */
const PROBE_ORDER = 'FTFTFFTFTF';
const OWN_ORDER = 104_233;

export interface ForbiddenProbe {
  /** The ordinary login before the probing; not an attack event. */
  login: AppEvent[];
  probes: AppEvent[];
}

/** (e2) A logged-in customer requests admin pages and other customers' orders: 6 + 4 requests in ~6 minutes. */
export function generateForbiddenProbe(start: number, random: Random): ForbiddenProbe {
  const { offset } = SCHEDULE.appForbiddenProbe;
  const c = NOSY_CUSTOMER;
  const login = generateLogin(c, start + offset - 95_000, 0, random);
  let forbidden = 0;
  let tampered = 0;
  const probes = [...PROBE_ORDER].map((step, i): AppEvent => {
    const at = start + offset + i * 36_000 + random.int(0, 4_000);
    const base = {
      at,
      outcome: 'failure' as const,
      user: c.user,
      ip: c.ip,
      method: 'GET' as const,
      status: 403,
      userAgent: c.userAgent,
    };
    if (step === 'F')
      return { ...base, action: 'access_forbidden', path: FORBIDDEN_PATHS[forbidden++] as string };
    const objectId = String(OWN_ORDER - 1 - tampered++ * random.int(1, 9));
    return { ...base, action: 'object_id_tampered', path: `/api/orders/${objectId}`, objectId };
  });
  return { login, probes };
}
