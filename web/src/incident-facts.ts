import { getField } from '../../src/core/index.ts';
import type { Incident } from './api-types.ts';

/** Who was targeted and from where: the group key first, else the values seen in the evidence. */
export function describeParties(incident: Incident): { users: string[]; sources: string[]; hosts: string[] } {
  const collect = (field: string) => {
    const fromGroup = incident.group[field];
    if (fromGroup !== undefined) return [fromGroup];
    const seen = new Set<string>();
    for (const event of incident.samples) {
      const value = getField(event, field);
      if (typeof value === 'string' && value !== '') seen.add(value);
    }
    return [...seen];
  };
  return { users: collect('user.name'), sources: collect('source.ip'), hosts: collect('host.name') };
}

/** Attempts per minute over the episode, when it lasted long enough to say. */
export function attemptRate(incident: Incident): number | undefined {
  const minutes = (incident.lastSeen - incident.firstSeen) / 60_000;
  return minutes >= 1 ? incident.count / minutes : undefined;
}
