import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ConflictError, InputError, NotFoundError } from '../core/index.ts';
import type { Database, SilenceTable } from './schema.ts';
import type { NewSilence, Silence, SilenceMatcher, SilenceRepository } from './store.ts';

/** Silences are in force from `startsAt` (inclusive) to `endsAt` (exclusive), unless expired earlier. */
export function createSilenceRepository(db: Kysely<Database>): SilenceRepository {
  return {
    async add(silence, at) {
      checkSilence(silence);
      const row: SilenceTable = {
        id: randomUUID(),
        matchers_json: JSON.stringify(silence.matchers),
        starts_at: silence.startsAt,
        ends_at: silence.endsAt,
        created_by: silence.createdBy,
        comment: silence.comment,
        created_at: at,
        expired_at: null,
        expired_by: null,
      };
      await db.insertInto('silences').values(row).execute();
      return toSilence(row);
    },
    async get(id) {
      const row = await db.selectFrom('silences').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toSilence(row);
    },
    async list(options = {}) {
      let query = db.selectFrom('silences').selectAll();
      const at = options.activeAt;
      if (at !== undefined) {
        query = query
          .where('starts_at', '<=', at)
          .where('ends_at', '>', at)
          .where((eb) => eb.or([eb('expired_at', 'is', null), eb('expired_at', '>', at)]));
      }
      const rows = await query.orderBy('created_at').orderBy('id').execute();
      return rows.map(toSilence);
    },
    async expire(id, by, at) {
      const row = await db
        .updateTable('silences')
        .set({ expired_at: at, expired_by: by })
        .where('id', '=', id)
        .where('expired_at', 'is', null)
        .where('ends_at', '>', at)
        .returningAll()
        .executeTakeFirst();
      if (row !== undefined) return toSilence(row);
      const current = await db.selectFrom('silences').selectAll().where('id', '=', id).executeTakeFirst();
      if (current === undefined) throw new NotFoundError(`silence ${id} does not exist`);
      if (current.expired_by !== null)
        throw new ConflictError(`silence ${id} was already expired by ${current.expired_by}`);
      throw new ConflictError(`silence ${id} has already ended`);
    },
  };
}

function checkSilence(silence: NewSilence): void {
  if (silence.matchers.length === 0)
    throw new InputError('a silence needs at least one matcher: an empty one would silence everything');
  if (!(silence.endsAt > silence.startsAt)) throw new InputError('a silence must end after it starts');
}

function toSilence(row: SilenceTable): Silence {
  const silence: Silence = {
    id: row.id,
    matchers: JSON.parse(row.matchers_json) as SilenceMatcher[],
    startsAt: Number(row.starts_at),
    endsAt: Number(row.ends_at),
    createdBy: row.created_by,
    comment: row.comment,
    createdAt: Number(row.created_at),
  };
  if (row.expired_at !== null) silence.expiredAt = Number(row.expired_at);
  if (row.expired_by !== null) silence.expiredBy = row.expired_by;
  return silence;
}
