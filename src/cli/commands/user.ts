import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { checkNewPassword, checkUserName, hashPassword } from '../../server/index.ts';
import type { User, UserRole } from '../../store/index.ts';
import { USER_ROLES } from '../../store/index.ts';
import type { Io } from '../io.ts';
import { formatTime } from '../output/time.ts';
import type { PasswordSource } from '../read-password.ts';
import { processPasswordSource, readNewPassword } from '../read-password.ts';
import { withStore } from '../store-option.ts';
import { configuredStore, CONFIG_FLAG_HELP, STORE_FLAG_HELP } from '../configured-store.ts';

/** `klaxon user add|list|disable`: the people who may log in to the dashboard. */
export function registerUser(
  program: Command,
  io: Io,
  passwords: PasswordSource = processPasswordSource,
): void {
  const user = program.command('user').description('people who log in to the dashboard');

  user
    .command('add')
    .description('add a user; the password is asked without echo, or read with --password-stdin')
    .argument('<name>', 'login name')
    .requiredOption('--role <role>', USER_ROLES.join(' | '), roleArg)
    .option('--password-stdin', 'read the password from standard input (at least 12 characters)')
    .option('--store <url>', STORE_FLAG_HELP)
    .option('-c, --config <file>', CONFIG_FLAG_HELP)
    .action(
      async (
        name: string,
        flags: { role: UserRole; passwordStdin?: boolean; store?: string; config?: string },
      ) => {
        checkUserName(name);
        const password = await readNewPassword(passwords, flags.passwordStdin === true);
        checkNewPassword(password);
        const passwordHash = await hashPassword(password);
        await withStore(await configuredStore(flags), async (store) => {
          await store.users.add({ name, role: flags.role, passwordHash }, Date.now());
          io.out(`user ${name} added as ${flags.role}`);
        });
      },
    );

  user
    .command('list')
    .description('users and their roles')
    .option('--store <url>', STORE_FLAG_HELP)
    .option('-c, --config <file>', CONFIG_FLAG_HELP)
    .option('--json', 'one JSON object per line')
    .action(async (flags: { store?: string; config?: string; json?: boolean }) => {
      await withStore(await configuredStore(flags), async (store) => {
        const users = await store.users.list();
        if (flags.json) for (const found of users) io.out(JSON.stringify(found));
        else io.out(users.length === 0 ? 'No users.' : users.map(describeUser).join('\n'));
      });
    });

  user
    .command('disable')
    .description('stop a user from logging in, and end their sessions')
    .argument('<name>', 'login name')
    .option('--store <url>', STORE_FLAG_HELP)
    .option('-c, --config <file>', CONFIG_FLAG_HELP)
    .action(async (name: string, flags: { store?: string; config?: string }) => {
      await withStore(await configuredStore(flags), async (store) => {
        await store.users.disable(name, Date.now());
        io.out(`user ${name} disabled`);
      });
    });
}

function roleArg(text: string): UserRole {
  if (!(USER_ROLES as readonly string[]).includes(text))
    throw new InvalidArgumentError(`expected ${USER_ROLES.join(', ')}`);
  return text as UserRole;
}

function describeUser(user: User): string {
  const disabled = user.disabledAt === undefined ? '' : `  disabled ${formatTime(user.disabledAt)}`;
  return `${user.name.padEnd(20)} ${user.role.padEnd(10)} since ${formatTime(user.createdAt)}${disabled}`;
}
