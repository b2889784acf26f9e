import type { Kysely } from 'kysely';
import { atomically } from './atomically.ts';
import type { OutboxFailureReason } from './outbox.ts';
import { recordChannelFailure, recordChannelSent } from './outbox-channel-outcome.ts';
import { explainOutboxRefusal } from './outbox-refusal.ts';
import { boundErrorMessage } from './outbox-row.ts';
import { withOutboxTables } from './outbox-schema.ts';
import type { Database } from './schema.ts';

const RELEASED = { claimed_by: null, claimed_until: null } as const;

/**
 * The dispatcher's reports. Each is one conditional UPDATE on the entry's state, so a report on
 * an entry that moved on (sent by a dispatcher whose lease outlived it, dropped by a person) is a
 * ConflictError rather than a silent overwrite.
 */
export function markEntrySent(
  db: Kysely<Database>,
  id: string,
  at: number,
  providerMessageId: string | undefined,
): Promise<void> {
  return atomically(db, async (base) => {
    const trx = withOutboxTables(base);
    const row = await trx
      .updateTable('outbox')
      .set({ ...RELEASED, state: 'sent', sent_at: at, provider_message_id: providerMessageId ?? null })
      .where('id', '=', id)
      .where('state', '=', 'sending')
      .returning('channel')
      .executeTakeFirst();
    if (row === undefined) throw await explainOutboxRefusal(trx, id, 'mark sent', ['sending']);
    await recordChannelSent(trx, row.channel, at);
  });
}

/** The attempt failed for now; the failure is dated when the attempt started (its claim). */
export function markEntryRetry(
  db: Kysely<Database>,
  id: string,
  nextAttemptAt: number,
  reason: OutboxFailureReason,
  message: string,
): Promise<void> {
  return atomically(db, async (base) => {
    const trx = withOutboxTables(base);
    const text = boundErrorMessage(message);
    const row = await trx
      .updateTable('outbox')
      .set((eb) => ({
        ...RELEASED,
        state: 'pending',
        next_attempt_at: nextAttemptAt,
        last_error: text,
        last_reason: reason,
        last_failed_at: eb.ref('last_attempt_at'),
      }))
      .where('id', '=', id)
      .where('state', '=', 'sending')
      .returning(['channel', 'last_failed_at'])
      .executeTakeFirst();
    if (row === undefined) throw await explainOutboxRefusal(trx, id, 'mark for retry', ['sending']);
    const at = Number(row.last_failed_at ?? nextAttemptAt);
    await recordChannelFailure(trx, row.channel, { at, reason, message: text });
  });
}

export function markEntryDead(
  db: Kysely<Database>,
  id: string,
  at: number,
  reason: OutboxFailureReason,
  message: string,
): Promise<void> {
  return atomically(db, async (base) => {
    const trx = withOutboxTables(base);
    const text = boundErrorMessage(message);
    const row = await trx
      .updateTable('outbox')
      .set({ ...RELEASED, state: 'dead', last_error: text, last_reason: reason, last_failed_at: at })
      .where('id', '=', id)
      .where('state', 'in', ['pending', 'sending'])
      .returning('channel')
      .executeTakeFirst();
    if (row === undefined) throw await explainOutboxRefusal(trx, id, 'mark dead', ['pending', 'sending']);
    await recordChannelFailure(trx, row.channel, { at, reason, message: text });
  });
}
