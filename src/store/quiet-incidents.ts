import type { Kysely } from 'kysely';
import type { Database, IncidentTable } from './schema.ts';

type QuietKey = Pick<IncidentTable, 'serial' | 'rule_id' | 'group_key' | 'status' | 'quiet_since'>;

/**
 * Which rules and groups have an incident that is quiet and not resolved (one a new burst goes on
 * in), for a batch of engine writes in one transaction: read once, then kept up to date from the
 * rows the engine's writes return, so that opening an incident needs no look-up when there is
 * none. Anything else that may change incidents in the transaction calls `forget`.
 */
export class QuietIncidents {
  private known: Map<number, string> | undefined;
  /** What the rows noted said (the store may not hold them yet): a key when quiet, else null. */
  private readonly noted = new Map<number, string | null>();

  /**
   * The serials of the rule and group's quiet incidents that are not resolved, as far as known here;
   * none when no such incident can exist (the caller need not look).
   */
  async serialsOf(db: Kysely<Database>, ruleId: string, groupKey: string): Promise<number[]> {
    if (this.known === undefined) {
      const rows = await db
        .selectFrom('incidents')
        .select(['serial', 'rule_id', 'group_key'])
        .where('status', '!=', 'resolved')
        .where('quiet_since', 'is not', null)
        .execute();
      const known = new Map(rows.map((row) => [Number(row.serial), keyOf(row.rule_id, row.group_key)]));
      for (const [serial, key] of this.noted) setOrDelete(known, serial, key);
      this.known = known;
    }
    const key = keyOf(ruleId, groupKey);
    const serials: number[] = [];
    for (const [serial, known] of this.known) if (known === key) serials.push(serial);
    return serials;
  }

  /** An engine write returned this row, or made it. */
  note(row: QuietKey): void {
    const key =
      row.quiet_since !== null && row.status !== 'resolved' ? keyOf(row.rule_id, row.group_key) : null;
    this.noted.set(Number(row.serial), key);
    if (this.known !== undefined) setOrDelete(this.known, Number(row.serial), key);
  }

  forget(): void {
    this.known = undefined;
    this.noted.clear();
  }
}

function setOrDelete(known: Map<number, string>, serial: number, key: string | null): void {
  if (key === null) known.delete(serial);
  else known.set(serial, key);
}

const keyOf = (ruleId: string, groupKey: string) => `${ruleId}\u0000${groupKey}`;
