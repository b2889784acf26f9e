import type { Kysely } from 'kysely';
import { INCIDENT_SERIAL_COUNTER } from './schema.ts';
import type { Database } from './schema.ts';

/** Steps the incident serial counter and returns its new value. */
export interface SerialCounter {
  step(trx: Kysely<Database>, step: 1 | -1): Promise<number>;
}

/**
 * Each step an UPDATE of the counter row. Its row lock queues concurrent openers (also other
 * instances on one PostgreSQL) until this transaction commits, and a rollback takes the serial
 * back, so serials never skip or repeat.
 */
export const STORED_COUNTER: SerialCounter = {
  async step(trx, step) {
    const row = await trx
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', step) }))
      .where('name', '=', INCIDENT_SERIAL_COUNTER)
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  },
};

/**
 * For a batch of opens in one transaction: the first step updates the row (taking its lock for
 * the rest of the transaction), later steps count here, and `drain` writes where they got to.
 */
export class DeferredCounter implements SerialCounter {
  private value: number | undefined;
  private stored: number | undefined;

  async step(trx: Kysely<Database>, step: 1 | -1): Promise<number> {
    if (this.value === undefined) {
      this.value = await STORED_COUNTER.step(trx, step);
      this.stored = this.value;
    } else this.value += step;
    return this.value;
  }

  /** Takes the counter's lock (see STORED_COUNTER) without a step, unless a step took it already. */
  async hold(trx: Kysely<Database>): Promise<void> {
    if (this.value !== undefined) return;
    const row = await trx
      .updateTable('counters')
      .set((eb) => ({ value: eb.ref('value') }))
      .where('name', '=', INCIDENT_SERIAL_COUNTER)
      .returning('value')
      .executeTakeFirstOrThrow();
    this.value = Number(row.value);
    this.stored = this.value;
  }

  async drain(trx: Kysely<Database>): Promise<void> {
    if (this.value === this.stored || this.value === undefined) return;
    await trx
      .updateTable('counters')
      .set({ value: this.value })
      .where('name', '=', INCIDENT_SERIAL_COUNTER)
      .execute();
    this.stored = this.value;
  }
}
