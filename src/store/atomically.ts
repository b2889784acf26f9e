import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Runs `work` in the caller's transaction, or in a transaction of its own when there is none. */
export function atomically<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
