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

  /** False when no such incident can exist: the caller need not look. */
  async mayHave(db: Kysely<Database>, ruleId: string, groupKey: string): Promise<boolean> {
    if (this.known === undefined) {
      const rows = await db
        .selectFrom('incidents')
        .select(['serial', 'rule_id', 'group_key'])
        .where('status', '!=', 'resolved')
        .where('quiet_since', 'is not', null)
        .execute();
      this.known = new Map(rows.map((row) => [Number(row.serial), keyOf(row.rule_id, row.group_key)]));
    }
    const key = keyOf(ruleId, groupKey);
    for (const known of this.known.values()) if (known === key) return true;
    return false;
  }

  /** An engine write returned this row. */
  note(row: QuietKey): void {
    if (this.known === undefined) return;
    if (row.quiet_since !== null && row.status !== 'resolved')
      this.known.set(Number(row.serial), keyOf(row.rule_id, row.group_key));
    else this.known.delete(Number(row.serial));
  }

  forget(): void {
    this.known = undefined;
  }
}

const keyOf = (ruleId: string, groupKey: string) => `${ruleId}\u0000${groupKey}`;
