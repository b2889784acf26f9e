import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DEFAULT_CONFIG_FILE } from '../../app/load-config.ts';
import { InputError } from '../../core/index.ts';
import type { Io } from '../io.ts';
import { INITIAL_CONFIG } from './init-config.ts';

export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description('write a commented klaxon.yaml to start from')
    .option('-c, --config <file>', 'where to write it', DEFAULT_CONFIG_FILE)
    .option('--force', 'overwrite an existing file')
    .action(async (flags: { config: string; force?: boolean }) => {
      if (existsSync(flags.config) && !flags.force)
        throw new InputError(`${flags.config} exists already (use --force to overwrite it)`);
      await writeFile(flags.config, INITIAL_CONFIG, { mode: 0o600 });
      io.out(`wrote ${flags.config}; next: npx klaxon config check, then npx klaxon start`);
    });
}
