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
const SAMPLE_FIELDS = ['source.ip', 'user.name'] as const;

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
    for (const field of SAMPLE_FIELDS) {
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

/** The span and entities of a case after `incident` joined it. */
export function widenCase<T extends CaseSpan>(
  open: T,
  incident: { entities: readonly Entity[]; firstSeen: number; lastSeen: number },
): T {
  return {
    ...open,
    entities: mergeEntities(open.entities, incident.entities),
    firstSeen: Math.min(open.firstSeen, incident.firstSeen),
    lastSeen: Math.max(open.lastSeen, incident.lastSeen),
  };
}

/**
 * The union of two entity lists, sorted as `Array.prototype.sort` sorts them, without duplicates.
 * For sorted lists (as stored cases and `entitiesOf` give them), `b`'s few entities are placed in
 * `a` by halving: a case about many accounts is widened at each incident that joins it, mostly
 * by one entity. A list returned here is not checked for order again when it comes back as `a`.
 */
export function mergeEntities(a: readonly Entity[], b: readonly Entity[]): Entity[] {
  const out = isSortedSet(a) && isSortedSet(b) ? mergeSorted(a, b) : [...new Set([...a, ...b])].sort();
  sortedSets.add(out);
  return out;
}

/** Lists mergeEntities returned: sorted sets, which nothing changes (CaseSpan's are read-only). */
const sortedSets = new WeakSet<readonly Entity[]>();

/** `a` copied whole (one copy, not one push per entity) with `b`'s entities it lacks put in place. */
function mergeSorted(a: readonly Entity[], b: readonly Entity[]): Entity[] {
  const out = a.slice();
  let from = 0;
  for (const entity of b) {
    const at = lowerBound(out, entity, from);
    if (out[at] !== entity) out.splice(at, 0, entity);
    from = at + 1;
  }
  return out;
}

/** The first index at or after `from` whose entity is not below `entity`. */
function lowerBound(list: readonly Entity[], entity: Entity, from: number): number {
  let low = from;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as Entity) < entity) low = middle + 1;
    else high = middle;
  }
  return low;
}

function isSortedSet(list: readonly Entity[]): boolean {
  if (sortedSets.has(list)) return true;
  for (let i = 1; i < list.length; i++) if (!((list[i - 1] as Entity) < (list[i] as Entity))) return false;
  return true;
}
