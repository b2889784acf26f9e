import type { Kysely } from 'kysely';
import type { Incident, ParseEvidenceLine } from '../core/index.ts';
import { CaseCache } from './case-cache.ts';
import { DeferredTrail } from './engine-trail.ts';
import { incidentOf } from './engine-writes.ts';
import type { EngineWrites } from './engine-writes.ts';
import { readsBackAsHeld } from './held-read-back.ts';
import { KnownIncidents } from './known-incidents.ts';
import { PreparedOpens } from './prepared-opens.ts';
import { QuietIncidents } from './quiet-incidents.ts';
import type { StoreDialect } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { DeferredCounter } from './serial-counter.ts';

/**
 * What the engine's writes in one store transaction leave to its end: the serial counter, their
 * audit rows, the cases they change, the incidents they open (see PreparedOpens) and which are quiet
 * (see QuietIncidents), written before the commit (or earlier, before another part of the store
 * reads or writes them) in a few multi-row statements instead of one or two per incident.
 */
export class WriteBehind implements EngineWrites {
  readonly trail = new DeferredTrail();
  readonly cases = new CaseCache();
  readonly counter = new DeferredCounter();
  readonly quiet = new QuietIncidents();
  readonly opens = new PreparedOpens();
  readonly known: KnownIncidents;

  constructor(
    dialect: StoreDialect,
    readonly parse?: ParseEvidenceLine,
  ) {
    this.known = new KnownIncidents(dialect);
  }

  async drain(db: Kysely<Database>): Promise<void> {
    await this.counter.drain(db);
    await this.known.drain(db, (serial) => this.cases.takeUnwritten(serial));
    await this.trail.drain(db);
    await this.cases.drain(db);
  }

  /**
   * After `drain`: incident `serial` as this transaction wrote it, from the row it keeps (see
   * KnownIncidents), in its case; undefined when it keeps none or reading would change it.
   */
  writtenIncident(serial: number): Incident | undefined {
    const row = this.known.bySerialNumber(serial);
    return row !== undefined && readsBackAsHeld(row) ? incidentOf(row, this) : undefined;
  }

  /** Before anything else reads incidents, cases or audit rows, or a person changes an incident. */
  async drainAll(db: Kysely<Database>): Promise<void> {
    await this.drain(db);
    this.quiet.forget();
    this.known.forget();
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
