import type { Command } from 'commander';
import { loadKlaxonConfig } from '../../app/load-config.ts';
import { checkStore, openStore, redactUrl } from '../../store/index.ts';
import type { Io } from '../io.ts';
import { storeUrl } from '../store-option.ts';

interface StoreFlags {
  store?: string;
  config?: string;
}

const STORE_HELP = "store URL (default: the config file's store, $KLAXON_STORE or sqlite:./klaxon.db)";

async function chosenStore(flags: StoreFlags): Promise<string> {
  if (flags.store !== undefined || flags.config === undefined) return storeUrl(flags.store);
  return (await loadKlaxonConfig(flags.config)).store;
}

export function registerStore(program: Command, io: Io): void {
  const store = program.command('store').description('check or create the store (SQLite file or PostgreSQL)');
  store
    .command('check')
    .description('check that the store is a Klaxon store, its schema, tables and every page; exit 1 if not')
    .option('--store <url>', STORE_HELP)
    .option('-c, --config <file>', 'klaxon.yaml whose store to check')
    .action(async (flags: StoreFlags) => {
      const report = await checkStore(await chosenStore(flags), 'full');
      io.out(`store ${report.store}`);
      for (const check of report.checks)
        io.out(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
      io.out(report.ok ? 'the store is sound' : 'the store has problems: restore it from a backup');
      if (!report.ok) process.exitCode = 1;
    });
  store
    .command('init')
    .description('create a new store where none exists (an existing Klaxon store is brought up to date)')
    .option('--store <url>', STORE_HELP)
    .option('-c, --config <file>', 'klaxon.yaml whose store to create')
    .option('--replace-empty', 'create it also over an empty (0-byte) SQLite file, such as a truncated store')
    .action(async (flags: StoreFlags & { replaceEmpty?: boolean }) => {
      const url = await chosenStore(flags);
      const opened = await openStore(url, { check: 'quick', replaceEmpty: flags.replaceEmpty === true });
      await opened.close();
      io.out(`store ${redactUrl(url)} ready`);
    });
}
