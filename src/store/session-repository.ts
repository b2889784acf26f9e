import type { Kysely } from 'kysely';
import type { Database, SessionTable } from './schema.ts';
import type { Session, SessionRepository } from './users.ts';

export function createSessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    async add(session) {
      await db
        .insertInto('sessions')
        .values({
          id: session.id,
          user_name: session.userName,
          csrf_token: session.csrfToken,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          last_seen_at: session.lastSeenAt,
        })
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSession(row);
    },
    async touch(id, at) {
      await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
    },
    async remove(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async removeExpired(now, idleSince) {
      const result = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleSince)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toSession(row: SessionTable): Session {
  return {
    id: row.id,
    userName: row.user_name,
    csrfToken: row.csrf_token,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    lastSeenAt: Number(row.last_seen_at),
  };
}
