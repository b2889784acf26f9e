import type { SecurityEvent } from '../core/index.ts';

/**
 * A login line that names more than one client address where the server writes one, or more than
 * one login message: the client wrote the others into text the server logs as it came (a user
 * name, a request). Read with either
 * address, the line would count a guess against an address of the attacker's choosing; read with
 * neither, an attacker could hide every guess behind a forged one. So it is neither a login nor
 * skipped: it is an event of its own (`log_address_forged`), which the pack's
 * `log-address-forgery` rule reports.
 */
export interface ForgedAddresses {
  /** Every address the line names, in the order written. */
  forged: string[];
}

export const FORGED_ADDRESS_ACTION = 'log_address_forged';

/** Whether a reader's result is a forged line rather than a login. */
export function isForged(found: object): found is ForgedAddresses {
  return Array.isArray((found as Partial<ForgedAddresses>).forged);
}

export interface ForgedAddressLine extends ForgedAddresses {
  /** The line, and its time (epoch ms). */
  original: string;
  time: number;
  module: string;
  dataset: string;
  /** ECS `service.name`. */
  service: string;
  /** The syslog header's host, when the line came through syslog. */
  host?: string | undefined;
}

/**
 * The event for a forged line: `event.category: intrusion_detection`, `event.action:
 * log_address_forged`, the addresses in `related.ip` (none of them `source.ip`: which one is the
 * client's cannot be told), `service.name` and the host where known.
 */
export function buildForgedAddressEvent(line: ForgedAddressLine): SecurityEvent {
  const addresses = [...new Set(line.forged)];
  const event: SecurityEvent = {
    '@timestamp': new Date(line.time).toISOString(),
    event: {
      original: line.original,
      kind: 'event',
      module: line.module,
      dataset: line.dataset,
      category: ['intrusion_detection'],
      type: ['info'],
      action: FORGED_ADDRESS_ACTION,
      reason:
        addresses.length > 1
          ? `${addresses.length} client addresses in one line: the client wrote all but one`
          : 'more than one login message in one line: the client wrote all but one',
    },
    service: { name: line.service },
    related: { ip: addresses },
  };
  if (line.host !== undefined) event.host = { hostname: line.host, name: line.host };
  return event;
}
