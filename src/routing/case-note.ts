import type { CaseMember, CaseNote, Incident } from '../core/index.ts';
import { CASE_MEMBERS_SHOWN } from '../core/index.ts';
import type { StoreOperations } from '../store/index.ts';

const RELATED_SHOWN = 5;

/**
 * What an opened incident's message says about its case: the case's incidents so far, and the
 * earlier incidents about the same entities (an address that came back) with how they ended.
 */
export async function caseNoteOf(tx: StoreOperations, incident: Incident): Promise<CaseNote | undefined> {
  if (incident.caseId === undefined) return undefined;
  const found = await tx.cases.get(incident.caseId);
  if (found === undefined) return undefined;
  const members = await membersOf(tx, shownSerials(found.serials), incident);
  const earlier = (await tx.cases.sharing(found.entities, RELATED_SHOWN + 1)).filter(
    (other) => other.id !== found.id && other.id < found.id,
  );
  const related = (
    await membersOf(
      tx,
      earlier.flatMap((other) => [...other.serials].reverse()),
    )
  ).slice(0, RELATED_SHOWN);
  return { id: found.id, members, total: found.serials.length, related };
}

/** The case's first incident and its newest ones: what a message lists, read from the store. */
function shownSerials(serials: readonly number[]): readonly number[] {
  if (serials.length <= CASE_MEMBERS_SHOWN) return serials;
  return [serials[0] as number, ...serials.slice(serials.length - (CASE_MEMBERS_SHOWN - 1))];
}

/** The incidents as members; `known` (the one the message is about) is not read again. */
async function membersOf(
  tx: StoreOperations,
  serials: readonly number[],
  known?: Incident,
): Promise<CaseMember[]> {
  const members: CaseMember[] = [];
  for (const serial of serials) {
    const incident = serial === known?.serial ? known : await tx.incidents.get(serial);
    if (incident) members.push(memberOf(incident));
  }
  return members;
}

export function memberOf(incident: Incident): CaseMember {
  const member: CaseMember = {
    serial: incident.serial,
    title: incident.title,
    priority: incident.priority,
    status: incident.status,
  };
  if (incident.resolution !== undefined) member.resolution = incident.resolution;
  return member;
}
