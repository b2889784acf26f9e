import type { Kysely } from 'kysely';
import { CaseCache } from './case-cache.ts';
import { DeferredTrail } from './engine-trail.ts';
import type { Database } from './schema.ts';

/**
 * What the engine's writes in one store transaction leave to its end: their audit rows and the
 * cases they change, written before the commit (or earlier, before another part of the store
 * reads or writes them) in a few multi-row statements instead of one or two per incident.
 */
export class WriteBehind {
  readonly trail = new DeferredTrail();
  readonly cases = new CaseCache();

  async drain(db: Kysely<Database>): Promise<void> {
    await this.trail.drain(db);
    await this.cases.drain(db);
  }
}

/** `work` after `drain`. */
export function drainedFirst<A extends unknown[], R>(
  drain: () => Promise<void>,
  work: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    await drain();
    return work(...args);
  };
}
