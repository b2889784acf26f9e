import type { Kysely } from 'kysely';
import { atomically } from './atomically.ts';
import type { OutboxEntry } from './outbox.ts';
import { explainOutboxRefusal } from './outbox-refusal.ts';
import { toOutboxEntry } from './outbox-row.ts';
import { withOutboxTables } from './outbox-schema.ts';
import type { Database } from './schema.ts';

/**
 * A person sends a dead entry back: pending and due now, with a fresh count of attempts (else the
 * retry policy would kill it again at once). The last error stays for the record.
 */
export function retryDeadEntry(db: Kysely<Database>, id: string, at: number): Promise<OutboxEntry> {
  return atomically(db, async (base) => {
    const trx = withOutboxTables(base);
    const row = await trx
      .updateTable('outbox')
      .set({ state: 'pending', attempts: 0, next_attempt_at: at, retried_at: at })
      .where('id', '=', id)
      .where('state', '=', 'dead')
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) throw await explainOutboxRefusal(trx, id, 'retry', ['dead']);
    return toOutboxEntry(row);
  });
}

/** A person gives up on an entry that is not being delivered; its sequence number stays a visible gap. */
export function dropEntry(db: Kysely<Database>, id: string): Promise<void> {
  return atomically(db, async (base) => {
    const trx = withOutboxTables(base);
    const row = await trx
      .deleteFrom('outbox')
      .where('id', '=', id)
      .where('state', 'in', ['pending', 'dead'])
      .returning('id')
      .executeTakeFirst();
    if (row === undefined) throw await explainOutboxRefusal(trx, id, 'drop', ['pending', 'dead']);
  });
}
