import type { Kysely } from 'kysely';
import { InputError } from '../core/index.ts';
import type { StoreDialect } from './migrations/index.ts';
import type { OutboxEntry } from './outbox.ts';
import { toOutboxEntry } from './outbox-row.ts';
import { withOutboxTables } from './outbox-schema.ts';
import type { Database } from './schema.ts';

export interface ClaimRequest {
  channel: string;
  worker: string;
  now: number;
  limit: number;
  leaseMs: number;
}

/**
 * Claims due rows with one UPDATE over a CTE that picks them. PostgreSQL locks the picked rows
 * FOR UPDATE SKIP LOCKED, so concurrent claimers take disjoint rows without waiting, and a row
 * another claimer changed meanwhile is re-checked against the due condition before it is locked.
 * SQLite needs no lock clause: a write statement holds the database's single write lock.
 * A sending row is due again when its lease ends (next_attempt_at = claimed_until): a crashed
 * dispatcher's rows come back by themselves.
 */
export async function claimDue(
  db: Kysely<Database>,
  dialect: StoreDialect,
  request: ClaimRequest,
): Promise<OutboxEntry[]> {
  checkClaim(request);
  if (request.limit === 0) return [];
  const { channel, worker, now, limit, leaseMs } = request;
  const rows = await withOutboxTables(db)
    .with('due', (qb) =>
      qb
        .selectFrom('outbox')
        .select('id')
        .where('state', 'in', ['pending', 'sending'])
        .where('channel', '=', channel)
        .where('next_attempt_at', '<=', now)
        .orderBy('sequence')
        .limit(limit)
        .$if(dialect === 'postgres', (select) => select.forUpdate().skipLocked()),
    )
    .updateTable('outbox')
    .set((eb) => ({
      state: 'sending',
      attempts: eb('attempts', '+', 1),
      claimed_by: worker,
      claimed_until: now + leaseMs,
      next_attempt_at: now + leaseMs,
      last_attempt_at: now,
    }))
    .where('id', 'in', (eb) => eb.selectFrom('due').select('id'))
    .returningAll()
    .execute();
  return rows.sort((a, b) => Number(a.sequence) - Number(b.sequence)).map(toOutboxEntry);
}

function checkClaim({ limit, leaseMs }: ClaimRequest): void {
  if (!Number.isSafeInteger(limit) || limit < 0)
    throw new InputError(`a claim limit must be a whole number of at least 0, not ${limit}`);
  if (!Number.isSafeInteger(leaseMs) || leaseMs <= 0)
    throw new InputError(`a claim lease must be a whole number of milliseconds above 0, not ${leaseMs}`);
}
