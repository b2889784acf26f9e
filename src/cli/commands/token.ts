import type { Command } from 'commander';
import { InputError } from '../../core/index.ts';
import { createTokenValue, hashToken } from '../../server/index.ts';
import type { Io } from '../io.ts';
import { collect } from '../options.ts';
import { defaultActor, withStore } from '../store-option.ts';
import { configuredStore } from '../configured-store.ts';
import type { StoreFlags } from '../configured-store.ts';

const SCOPES = ['ingest', 'read', 'metrics'];
const STORE_HELP = "store URL (default: klaxon.yaml's store, then $KLAXON_STORE or sqlite:./klaxon.db)";
const CONFIG_HELP = 'klaxon.yaml whose store holds the tokens (default ./klaxon.yaml when it exists)';

export function registerToken(program: Command, io: Io): void {
  const token = program
    .command('token')
    .description('API tokens for the ingest API and feeds (only their hash is stored)');
  token
    .command('add <name>')
    .description('create a token and print it once')
    .option(
      '--scope <scope>',
      `what it may do: ${SCOPES.join(', ')} (repeatable; default ingest)`,
      collect,
      [],
    )
    .option('--service <name>', 'service.name given to events that carry none')
    .option('--store <url>', STORE_HELP)
    .option('-c, --config <file>', CONFIG_HELP)
    .action(async (name: string, flags: StoreFlags & { scope: string[]; service?: string }) => {
      const scopes = flags.scope.length > 0 ? flags.scope : ['ingest'];
      const unknown = scopes.filter((scope) => !SCOPES.includes(scope));
      if (unknown.length > 0)
        throw new InputError(`unknown scope ${unknown.join(', ')} (one of ${SCOPES.join(', ')})`);
      const value = createTokenValue();
      await withStore(await configuredStore(flags), (store) =>
        store.apiTokens.add(
          {
            name,
            hash: hashToken(value),
            scopes,
            ...(flags.service !== undefined && { service: flags.service }),
            createdBy: defaultActor(),
          },
          Date.now(),
        ),
      );
      io.err(`token "${name}" (${scopes.join(', ')}); it is shown only now:`);
      io.out(value);
    });
  token
    .command('list')
    .option('--store <url>', STORE_HELP)
    .option('-c, --config <file>', CONFIG_HELP)
    .action(async (flags: StoreFlags) => {
      const tokens = await withStore(await configuredStore(flags), (store) => store.apiTokens.list());
      for (const t of tokens) {
        const state = t.revokedAt !== undefined ? `revoked ${new Date(t.revokedAt).toISOString()}` : 'active';
        const used =
          t.lastUsedAt !== undefined ? `last used ${new Date(t.lastUsedAt).toISOString()}` : 'never used';
        io.out(`${t.name}\t${t.scopes.join(',')}\t${t.service ?? '-'}\t${state}\t${used}`);
      }
      if (tokens.length === 0) io.err('no tokens (create one with: klaxon token add NAME)');
    });
  token
    .command('revoke <name>')
    .option('--store <url>', STORE_HELP)
    .option('-c, --config <file>', CONFIG_HELP)
    .action(async (name: string, flags: StoreFlags) => {
      await withStore(await configuredStore(flags), (store) => store.apiTokens.revoke(name, Date.now()));
      io.out(`revoked token "${name}"`);
    });
}
