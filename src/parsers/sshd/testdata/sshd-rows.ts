import type { SecurityEvent } from '../../../core/index.ts';
import { createSshdParser } from '../create-sshd-parser.ts';

/**
 * What the SSH tests compare of each event. "counted" is what brute-force rules count: ssh_login
 * with ssh event Failed.
 */
export interface Row {
  action: unknown;
  outcome: unknown;
  user: unknown;
  ip: unknown;
  domain: unknown;
  port: unknown;
  counted: boolean;
}

export function parse(lines: string[]): { rows: Row[]; skips: (string | null)[]; events: SecurityEvent[] } {
  const parser = createSshdParser({ year: 2024 });
  const events: SecurityEvent[] = [];
  const skips = lines.map((line) => parser.parseLine(line, (event) => events.push(event)));
  const rows = events.map((event) => {
    const source = event.source as { ip?: string; domain?: string; port?: number } | undefined;
    const ssh = (event.system as { auth: { ssh: { event?: string } } } | undefined)?.auth.ssh;
    return {
      action: event.event.action,
      outcome: event.event.outcome,
      user: (event.user as { name?: string } | undefined)?.name,
      ip: source?.ip,
      domain: source?.domain,
      port: source?.port,
      counted: event.event.action === 'ssh_login' && ssh?.event === 'Failed',
    };
  });
  return { rows, skips, events };
}

export const row = (
  action: string,
  user: string | undefined,
  ip: string | undefined,
  port: number | undefined,
  counted: boolean,
  domain?: string,
): Row => ({ action, outcome: 'failure', user, ip, domain, port, counted });

/** A row of a success (`Accepted`): never counted. */
export const success = (action: string, user: string, ip: string, port: number): Row => ({
  ...row(action, user, ip, port, false),
  outcome: 'success',
});
