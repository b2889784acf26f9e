import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../core/index.ts';
import type { ApiToken, ApiTokenRepository } from './ingest.ts';
import type { ApiTokenTable, Database } from './schema.ts';

export function createApiTokenRepository(db: Kysely<Database>): ApiTokenRepository {
  return {
    async add(token, at) {
      const taken = await db
        .selectFrom('api_tokens')
        .select('id')
        .where('name', '=', token.name)
        .executeTakeFirst();
      if (taken) throw new ConflictError(`a token named "${token.name}" exists already`);
      const row: ApiTokenTable = {
        id: randomUUID(),
        name: token.name,
        hash: token.hash,
        scopes_json: JSON.stringify(token.scopes),
        service: token.service ?? null,
        created_at: at,
        created_by: token.createdBy,
        last_used_at: null,
        revoked_at: null,
      };
      await db.insertInto('api_tokens').values(row).execute();
      return toApiToken(row);
    },
    async findActiveByHash(hash) {
      const row = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('hash', '=', hash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row && toApiToken(row);
    },
    async list() {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .orderBy('created_at')
        .orderBy('name')
        .execute();
      return rows.map(toApiToken);
    },
    async revoke(name, at) {
      const row = await db.selectFrom('api_tokens').selectAll().where('name', '=', name).executeTakeFirst();
      if (!row) throw new NotFoundError(`no token named "${name}"`);
      if (row.revoked_at !== null) throw new ConflictError(`token "${name}" was revoked already`);
      await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', row.id).execute();
      return toApiToken({ ...row, revoked_at: at });
    },
    async markUsed(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}

function toApiToken(row: ApiTokenTable): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes_json) as string[],
    ...(row.service !== null && { service: row.service }),
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
    ...(row.last_used_at !== null && { lastUsedAt: Number(row.last_used_at) }),
    ...(row.revoked_at !== null && { revokedAt: Number(row.revoked_at) }),
  };
}
