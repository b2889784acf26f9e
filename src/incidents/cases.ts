import type { Incident } from '../core/index.ts';
import { fieldText, getField } from '../core/index.ts';

/** An entity an attack is about, as `field=value` (value lowercased), e.g. `source.ip=203.0.113.7`. */
export type Entity = string;

/** What case assignment needs to know of an open case. */
export interface CaseSpan {
  id: number;
  entities: readonly Entity[];
  firstSeen: number;
  lastSeen: number;
}

export type CaseChoice = { join: number } | { open: true };

/** Fields whose values name who attacks or who is attacked. */
export const ENTITY_FIELDS = ['source.ip', 'user.name', 'host.name'] as const;
/** Taken from evidence as well as from the group; a host is not (every event on a server carries it). */
export const SAMPLE_ENTITY_FIELDS = ['source.ip', 'user.name'] as const;

/** Quiet time after which activity about the same entity is a new case. */
export const CASE_GAP_MS = 15 * 60_000;

/**
 * The entities an incident is about: its group's address, account and host, and the addresses and
 * accounts of its evidence.
 */
export function entitiesOf(incident: Pick<Incident, 'group' | 'samples'>): Entity[] {
  const found = new Set<Entity>();
  for (const field of ENTITY_FIELDS) {
    const value = incident.group[field];
    if (value) found.add(entity(field, value));
  }
  for (const sample of incident.samples) {
    for (const field of SAMPLE_ENTITY_FIELDS) {
      const value = fieldText(getField(sample, field));
      if (value) found.add(entity(field, value));
    }
  }
  return [...found].sort();
}

function entity(field: string, value: string): Entity {
  return `${field}=${value.toLowerCase()}`;
}

/**
 * Joins the earliest case that shares an entity with the incident and whose time overlaps the
 * incident's (within CASE_GAP_MS), else opens a new case.
 */
export function chooseCase(
  incident: { entities: readonly Entity[]; firstSeen: number; lastSeen: number },
  cases: readonly CaseSpan[],
  gapMs = CASE_GAP_MS,
): CaseChoice {
  const mine = new Set(incident.entities);
  const candidates = cases
    .filter((open) => overlapsCase(incident, open, gapMs) && open.entities.some((e) => mine.has(e)))
    .sort((a, b) => a.id - b.id);
  const first = candidates[0];
  return first === undefined ? { open: true } : { join: first.id };
}

/** Whether the incident's time comes within `gapMs` of the case's. */
export function overlapsCase(
  incident: { firstSeen: number; lastSeen: number },
  open: { firstSeen: number; lastSeen: number },
  gapMs = CASE_GAP_MS,
): boolean {
  return incident.firstSeen <= open.lastSeen + gapMs && incident.lastSeen >= open.firstSeen - gapMs;
}

/**
 * The span and entities of a case after `incident` joined it: what joining means. The store's
 * cases (CaseRepository.join) and CaseBook do it in place, on a set of the case's entities.
 */
export function widenCase<T extends CaseSpan>(
  open: T,
  incident: { entities: readonly Entity[]; firstSeen: number; lastSeen: number },
): T {
  return {
    ...open,
    entities: [...new Set([...open.entities, ...incident.entities])].sort(),
    firstSeen: Math.min(open.firstSeen, incident.firstSeen),
    lastSeen: Math.max(open.lastSeen, incident.lastSeen),
  };
}
