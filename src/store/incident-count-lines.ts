import type { Kysely } from 'kysely';
import { ENGINE_ACTOR } from './incident-audit.ts';
import type { Database } from './schema.ts';

/** One incident's engine count line: "60 events, last at ...". */
export interface CountLine {
  serial: number;
  count: number;
  lastSeen: number;
}

/** Rows per statement: far below the bound-parameter limits of both dialects. */
const CHUNK = 500;

/**
 * Count updates fold into one audit line per incident, kept last so that people's notes are not
 * buried under one row per update: the incidents' earlier count lines go and the new ones are
 * added, for many incidents in two statements.
 */
export async function foldCountLines(trx: Kysely<Database>, lines: readonly CountLine[]): Promise<void> {
  for (let start = 0; start < lines.length; start += CHUNK) {
    const chunk = lines.slice(start, start + CHUNK);
    await trx
      .deleteFrom('incident_audit')
      .where(
        'serial',
        'in',
        chunk.map((line) => line.serial),
      )
      .where('actor', '=', ENGINE_ACTOR)
      .where('action', '=', 'updated')
      .where('detail', 'like', '% events, last at %')
      .execute();
    await trx
      .insertInto('incident_audit')
      .values(
        chunk.map((line) => ({
          serial: line.serial,
          at: line.lastSeen,
          actor: ENGINE_ACTOR,
          action: 'updated',
          detail: `${line.count} events, last at ${new Date(line.lastSeen).toISOString()}`,
        })),
      )
      .execute();
  }
}
