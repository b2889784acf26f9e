import { InputError } from '../core/index.ts';
import type { UserRepository } from './users.ts';

/** An incident is only given to someone who exists and may log in: "no user bob" otherwise. */
export async function requireActiveUser(users: UserRepository, name: string): Promise<void> {
  const user = await users.get(name);
  if (user === undefined) throw new InputError(`no user ${name}`);
  if (user.disabledAt !== undefined) throw new InputError(`user ${name} is disabled`);
}
