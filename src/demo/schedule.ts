/**
 * When and from where the demo day's attacks happen, as offsets from the day's start. Fixed, so
 * the demo script and its documentation can name them; the seed only varies the details.
 *
 *   02:13  ssh-brute-force          203.0.113.45   ~60 failed passwords (root, admin, ...) on bastion-01, 8 min
 *   03:40  rdp-brute-force          203.0.113.88   40 × 4625 LogonType 10 against administrator on RDS01, 5 min
 *   10:05  password-spray           203.0.113.140  30 accounts, 38 × 4625 LogonType 3 on EXCH01, 10 min
 *   14:20  ssh-brute-force-success  203.0.113.201  12 failed passwords for nils, then Accepted, 4 min
 *   16:02  app-csrf-burst           203.0.113.66   15 csrf_token_invalid on shop-web, 2 min
 *   16:30  app-forbidden-probe      198.51.100.77  kevin.moreau: 6 access_forbidden + 4 object_id_tampered, 6 min
 */
import { NOSY_CUSTOMER } from './people.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface ScheduledAttack {
  id: string;
  /** Offset of the first event from the day's start. */
  offset: number;
  /** Planned length: the attack's events fall inside [offset, offset + duration]. */
  duration: number;
  sourceIp: string;
}

const at = (hours: number, minutes: number) => hours * HOUR + minutes * MINUTE;

export const SCHEDULE = {
  sshBruteForce: { id: 'ssh-brute-force', offset: at(2, 13), duration: 8 * MINUTE, sourceIp: '203.0.113.45' },
  rdpBruteForce: { id: 'rdp-brute-force', offset: at(3, 40), duration: 5 * MINUTE, sourceIp: '203.0.113.88' },
  passwordSpray: {
    id: 'password-spray',
    offset: at(10, 5),
    duration: 10 * MINUTE,
    sourceIp: '203.0.113.140',
  },
  sshBruteForceSuccess: {
    id: 'ssh-brute-force-success',
    offset: at(14, 20),
    duration: 4 * MINUTE,
    sourceIp: '203.0.113.201',
  },
  appCsrfBurst: { id: 'app-csrf-burst', offset: at(16, 2), duration: 2 * MINUTE, sourceIp: '203.0.113.66' },
  appForbiddenProbe: {
    id: 'app-forbidden-probe',
    offset: at(16, 30),
    duration: 6 * MINUTE,
    sourceIp: NOSY_CUSTOMER.ip,
  },
} as const satisfies Record<string, ScheduledAttack>;

/** Benign failures and scanners keep this far from every attack, so no rule mixes them up. */
const QUIET_MARGIN = 20 * MINUTE;

/** Whether an offset into the day is near a scheduled attack (where benign failures are left out). */
export function isNearAttack(offset: number): boolean {
  return Object.values(SCHEDULE).some(
    (attack) =>
      offset > attack.offset - QUIET_MARGIN && offset < attack.offset + attack.duration + QUIET_MARGIN,
  );
}
