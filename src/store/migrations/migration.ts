import type { Kysely } from 'kysely';

export type StoreDialect = 'sqlite' | 'postgres';

/** One versioned schema change. Migrations only ever move forward; a released one never changes. */
export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void>;
}
