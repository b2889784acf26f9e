import { InputError } from '../../core/index.ts';

/** Names of users and API tokens: a letter or digit, then letters, digits and `._@-`, at most 64. */
export const USER_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$';

const USER_NAME = new RegExp(USER_NAME_PATTERN);

export function checkUserName(name: string): void {
  if (!USER_NAME.test(name))
    throw new InputError(
      `"${name.slice(0, 80)}" is not a valid name: use letters, digits and . _ @ - (at most 64, starting with a letter or digit)`,
    );
}
