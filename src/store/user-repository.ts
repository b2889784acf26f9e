import type { Kysely } from 'kysely';
import { ConflictError, InputError, NotFoundError } from '../core/index.ts';
import { atomically } from './atomically.ts';
import type { Database, UserTable } from './schema.ts';
import { USER_ROLES } from './users.ts';
import type { User, UserRepository, UserRole } from './users.ts';

export function createUserRepository(db: Kysely<Database>): UserRepository {
  return {
    async add(user, at) {
      if (!(USER_ROLES as readonly string[]).includes(user.role))
        throw new InputError(`unknown role "${user.role}"; expected ${USER_ROLES.join(', ')}`);
      const row: UserTable = {
        name: user.name,
        password_hash: user.passwordHash,
        role: user.role,
        created_at: at,
        disabled_at: null,
      };
      const inserted = await db
        .insertInto('users')
        .values(row)
        .onConflict((oc) => oc.column('name').doNothing())
        .returning('name')
        .executeTakeFirst();
      if (inserted === undefined) throw new ConflictError(`a user named "${user.name}" exists already`);
      return toUser(row);
    },
    async get(name) {
      const row = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
      return row && toUser(row);
    },
    async findCredentials(name) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('name', '=', name)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      return row && { user: toUser(row), passwordHash: row.password_hash };
    },
    async list() {
      const rows = await db.selectFrom('users').selectAll().orderBy('name').execute();
      return rows.map(toUser);
    },
    disable(name, at) {
      return atomically(db, async (trx) => {
        const row = await trx
          .updateTable('users')
          .set({ disabled_at: at })
          .where('name', '=', name)
          .where('disabled_at', 'is', null)
          .returningAll()
          .executeTakeFirst();
        if (row === undefined) {
          const exists = await trx
            .selectFrom('users')
            .select('name')
            .where('name', '=', name)
            .executeTakeFirst();
          if (exists === undefined) throw new NotFoundError(`no user named "${name}"`);
          throw new ConflictError(`user "${name}" is disabled already`);
        }
        await trx.deleteFrom('sessions').where('user_name', '=', name).execute();
        return toUser(row);
      });
    },
  };
}

function toUser(row: UserTable): User {
  return {
    name: row.name,
    role: row.role as UserRole,
    createdAt: Number(row.created_at),
    ...(row.disabled_at !== null && { disabledAt: Number(row.disabled_at) }),
  };
}
