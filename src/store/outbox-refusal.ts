import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../core/index.ts';
import type { OutboxState } from './outbox.ts';
import type { OutboxDatabase } from './outbox-schema.ts';

/** Why a conditional change found no row: the entry does not exist, or its state does not allow it. */
export async function explainOutboxRefusal(
  trx: Kysely<OutboxDatabase>,
  id: string,
  action: string,
  allowed: readonly OutboxState[],
): Promise<Error> {
  const row = await trx.selectFrom('outbox').select('state').where('id', '=', id).executeTakeFirst();
  if (row === undefined) return new NotFoundError(`outbox entry ${id} does not exist`);
  return new ConflictError(
    `cannot ${action} outbox entry ${id}: it is ${row.state}, not ${allowed.join(' or ')}`,
  );
}
