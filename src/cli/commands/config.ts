import type { Command } from 'commander';
import { loadKlaxonConfig } from '../../app/load-config.ts';
import { describeConfig } from '../../config/index.ts';
import type { Io } from '../io.ts';

export function registerConfig(program: Command, io: Io): void {
  program
    .command('config')
    .description('check klaxon.yaml')
    .command('check')
    .description(
      'validate the configuration; every mistake named with file, line and field; secrets never shown',
    )
    .option('-c, --config <file>', 'configuration file (default ./klaxon.yaml)')
    .action(async (flags: { config?: string }) => {
      io.out(describeConfig(await loadKlaxonConfig(flags.config)));
    });
}
