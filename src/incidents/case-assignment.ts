import type { Incident } from '../core/index.ts';
import type { CaseRepository } from '../store/index.ts';
import type { Entity } from './cases.ts';
import { CASE_GAP_MS, chooseCase, ENTITY_FIELDS, entitiesOf, overlapsCase } from './cases.ts';

/**
 * Puts a newly opened incident in a case: the earliest case about one of its entities active at
 * overlapping times, else a new case named by the incident's serial. Returns the incident with
 * its `caseId` (the same object, which the store made for this write). `samples`: its evidence,
 * when the caller holds it already (the incident a store write returns parses its samples' JSON
 * again only when they are read).
 */
export async function assignCase(
  cases: CaseRepository,
  incident: Incident,
  samples: Incident['samples'] = incident.samples,
): Promise<Incident> {
  const entities =
    entitiesRead.take(incident.group, samples) ?? entitiesOf({ group: incident.group, samples });
  const span = { entities, firstSeen: incident.firstSeen, lastSeen: incident.lastSeen };
  // Each candidate with the entities it shares, all chooseCase asks of them.
  const candidates = await cases.candidates(incident.firstSeen - CASE_GAP_MS, span.entities);
  const choice = chooseCase(span, candidates);
  if ('join' in choice) await cases.join(choice.join, span, incident.serial);
  else await cases.put({ id: incident.serial, ...span }, incident.serial);
  // Set on the store's fresh copy: a copy by spread would read (parse) its lazily parsed samples.
  incident.caseId = 'join' in choice ? choice.join : incident.serial;
  return incident;
}

/**
 * The entities readCasesFor found for incidents about to open, by their evidence (the array their
 * opening brings again): assigning each a case then does not go through its samples a second time.
 */
const entitiesRead = {
  found: new WeakMap<readonly unknown[], { group: Incident['group']; entities: Entity[] }>(),
  keep(group: Incident['group'], samples: readonly unknown[], entities: Entity[]): void {
    this.found.set(samples, { group, entities });
  },
  /** Only for the same evidence and the same values in the group's entity fields. */
  take(group: Incident['group'], samples: readonly unknown[]): Entity[] | undefined {
    const found = this.found.get(samples);
    if (found === undefined) return undefined;
    this.found.delete(samples);
    return ENTITY_FIELDS.every((field) => found.group[field] === group[field]) ? found.entities : undefined;
  },
};

/**
 * Reads in one go the stored cases that incidents about to open may join, so that assigning
 * each of them a case asks the store nothing more (in a store transaction, which keeps what it read).
 */
export async function readCasesFor(
  cases: CaseRepository,
  incidents: readonly Pick<Incident, 'group' | 'samples' | 'firstSeen'>[],
): Promise<void> {
  const entities = new Set<string>();
  let since = Infinity;
  for (const incident of incidents) {
    const mine = entitiesOf(incident);
    entitiesRead.keep(incident.group, incident.samples, mine);
    for (const entity of mine) entities.add(entity);
    since = Math.min(since, incident.firstSeen - CASE_GAP_MS);
  }
  if (entities.size > 0) await cases.candidates(since, [...entities]);
}

/** A case as CaseBook holds it: its entities in a set that grows in place. */
interface BookCase {
  id: number;
  entities: Set<Entity>;
  firstSeen: number;
  lastSeen: number;
}

/**
 * The same assignment in memory, for a replay without a store: what chooseCase and widenCase
 * define, over cases whose entities are sets widened in place (a case that thousands of incidents
 * join was copied and sorted whole at each), sorted when listed. The cases an incident may join are found
 * through the cases about each of its entities: looking at every case for each incident made
 * 32,000 incidents from as many addresses take 9.0 s, now 0.09 s (bench/case-joins.ts).
 */
export class CaseBook {
  private readonly cases: BookCase[] = [];
  private readonly byId = new Map<number, BookCase>();
  private readonly members = new Map<number, number[]>();
  private readonly casesAbout = new Map<Entity, BookCase[]>();

  /** `samples`: the incident's evidence, or what stands in for it with the same entity fields. */
  assign(incident: Incident, samples: Incident['samples'] = incident.samples): number {
    const entities = entitiesOf({ group: incident.group, samples });
    const { firstSeen, lastSeen } = incident;
    // The earliest case that shares an entity and overlaps in time (as chooseCase chooses).
    let joined: BookCase | undefined;
    for (const entity of entities)
      for (const open of this.casesAbout.get(entity) ?? [])
        if ((joined === undefined || open.id < joined.id) && overlapsCase(incident, open)) joined = open;
    if (joined !== undefined) {
      for (const entity of entities) if (!joined.entities.has(entity)) this.about(entity, joined);
      joined.firstSeen = Math.min(joined.firstSeen, firstSeen);
      joined.lastSeen = Math.max(joined.lastSeen, lastSeen);
      this.members.get(joined.id)?.push(incident.serial);
      return joined.id;
    }
    const opened = { id: incident.serial, entities: new Set<Entity>(), firstSeen, lastSeen };
    for (const entity of entities) this.about(entity, opened);
    this.cases.push(opened);
    this.byId.set(opened.id, opened);
    this.members.set(incident.serial, [incident.serial]);
    return incident.serial;
  }

  /** The case is about `entity` from now on. */
  private about(entity: Entity, open: BookCase): void {
    open.entities.add(entity);
    const cases = this.casesAbout.get(entity);
    if (cases === undefined) this.casesAbout.set(entity, [open]);
    else cases.push(open);
  }

  extend(caseId: number, lastSeen: number): void {
    const found = this.byId.get(caseId);
    if (found && found.lastSeen < lastSeen) found.lastSeen = lastSeen;
  }

  list(): { id: number; entities: string[]; firstSeen: number; lastSeen: number; serials: number[] }[] {
    return this.cases.map((c) => ({
      id: c.id,
      entities: [...c.entities].sort(),
      firstSeen: c.firstSeen,
      lastSeen: c.lastSeen,
      serials: [...(this.members.get(c.id) ?? [])],
    }));
  }
}
