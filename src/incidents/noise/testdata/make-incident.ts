import type { GroupedIncident } from '../grouping.ts';

let nextSerial = 1;

/** A test incident: open, P2, rule `ssh-brute-force-source`, unless told otherwise. */
export function makeIncident(overrides: Partial<GroupedIncident> = {}): GroupedIncident {
  const serial = overrides.serial ?? nextSerial++;
  return {
    serial,
    episodeId: `episode-${serial}`,
    ruleId: 'ssh-brute-force-source',
    group: { 'source.ip': '203.0.113.9' },
    priority: 'P2',
    status: 'open',
    openedAt: 0,
    ...overrides,
  };
}
