import type { Incident, ParseEvidenceLine } from '../core/index.ts';
import type { CaseCache } from './case-cache.ts';
import { IMMEDIATE_TRAIL } from './engine-trail.ts';
import type { EngineTrail } from './engine-trail.ts';
import { toWrittenIncident } from './incident-row.ts';
import type { KnownIncidents } from './known-incidents.ts';
import type { PreparedOpens } from './prepared-opens.ts';
import type { QuietIncidents } from './quiet-incidents.ts';
import type { HeldRow } from './held-row.ts';
import { STORED_COUNTER } from './serial-counter.ts';
import type { SerialCounter } from './serial-counter.ts';

/** How the engine's incident writes reach the store: at once, or partly at the end of a transaction (WriteBehind). */
export interface EngineWrites {
  trail: EngineTrail;
  counter: SerialCounter;
  quiet?: QuietIncidents | undefined;
  known?: KnownIncidents | undefined;
  /** With `known`: incidents whose opening was prepared, their rows inserted at the drain. */
  opens?: PreparedOpens | undefined;
  /** Cases incidents were put in, not written to their rows yet. */
  cases?: CaseCache | undefined;
  /** What evidence stored as its line is parsed whole with, in the incidents returned (see readStoredSample). */
  parse?: ParseEvidenceLine | undefined;
}

export const IMMEDIATE_WRITES: EngineWrites = { trail: IMMEDIATE_TRAIL, counter: STORED_COUNTER };

/** The incident a row an engine write returned holds, in the case it was put in. */
export function incidentOf(row: HeldRow, writes: EngineWrites): Incident {
  const caseId = writes.cases?.caseOf(Number(row.serial));
  return toWrittenIncident(caseId === undefined ? row : { ...row, case_id: caseId }, writes.parse);
}

/** An engine write changed an incident to this row. */
export function noteRow(writes: EngineWrites, row: HeldRow): void {
  writes.quiet?.note(row);
  writes.known?.note(row);
}
