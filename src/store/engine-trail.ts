import type { Kysely } from 'kysely';
import type { IncidentAuditEntry } from '../core/index.ts';
import { writeAudit } from './incident-audit.ts';
import type { AuditRow, CountLine } from './incident-count-lines.ts';
import { countLineRow, deleteCountLines, foldCountLines, insertAuditRows } from './incident-count-lines.ts';
import type { Database } from './schema.ts';

/** Where the engine's incident writes put their audit rows. */
export interface EngineTrail {
  add(trx: Kysely<Database>, entry: IncidentAuditEntry): Promise<void>;
  /** The incidents' count lines (see foldCountLines). */
  fold(trx: Kysely<Database>, lines: readonly CountLine[]): Promise<void>;
}

/** Each row written at once. */
export const IMMEDIATE_TRAIL: EngineTrail = { add: writeAudit, fold: foldCountLines };

/**
 * The rows of one transaction kept until `drain` (before its commit, or before anything else
 * reads or writes the audit trail in it) and written then in a few multi-row statements. A count
 * line folded again before the drain replaces the kept one, so the trail is the same as written
 * row by row.
 */
export class DeferredTrail implements EngineTrail {
  /** Holes are count lines a later fold replaced. */
  private rows: (AuditRow | undefined)[] = [];
  /** Where each incident's kept count line sits in `rows`. */
  private readonly lineAt = new Map<number, number>();
  /** Incidents whose count lines already stored go at the drain. */
  private readonly stale = new Set<number>();

  add(_trx: Kysely<Database>, entry: IncidentAuditEntry): Promise<void> {
    const { serial, at, actor, action } = entry;
    this.rows.push({ serial, at, actor, action, detail: entry.detail ?? null });
    return Promise.resolve();
  }

  fold(_trx: Kysely<Database>, lines: readonly CountLine[]): Promise<void> {
    for (const line of lines) {
      const kept = this.lineAt.get(line.serial);
      if (kept !== undefined) this.rows[kept] = undefined;
      this.stale.add(line.serial);
      this.lineAt.set(line.serial, this.rows.length);
      this.rows.push(countLineRow(line));
    }
    return Promise.resolve();
  }

  async drain(trx: Kysely<Database>): Promise<void> {
    if (this.rows.length === 0) return;
    const stale = [...this.stale];
    const rows = this.rows.filter((row): row is AuditRow => row !== undefined);
    this.rows = [];
    this.lineAt.clear();
    this.stale.clear();
    await deleteCountLines(trx, stale);
    await insertAuditRows(trx, rows);
  }
}
