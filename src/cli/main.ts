import { Command, CommanderError } from 'commander';
import { KlaxonError } from '../core/index.ts';
import { registerDemo } from './commands/demo.ts';
import { registerIncidents } from './commands/incidents.ts';
import { registerSilence } from './commands/silence.ts';
import { registerOutbox } from './commands/outbox.ts';
import { registerChannels } from './commands/channels.ts';
import { registerDeliver } from './commands/deliver.ts';
import { registerConfig } from './commands/config.ts';
import { registerParse } from './commands/parse.ts';
import { registerReplay } from './commands/replay.ts';
import { registerRules } from './commands/rules.ts';
import { registerUser } from './commands/user.ts';
import { registerStart } from './commands/start.ts';
import { registerInit } from './commands/init.ts';
import { registerToken } from './commands/token.ts';
import { registerStore } from './commands/store.ts';
import type { Io } from './io.ts';
import { processIo } from './io.ts';

export function buildProgram(io: Io): Command {
  const program = new Command('klaxon')
    .description('Security alerting: detect attacks in security events, open incidents, deliver them.')
    .showHelpAfterError()
    // Before the subcommands are added, so they inherit it: usage errors return, never exit the process.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });
  registerDemo(program, io);
  registerReplay(program, io);
  registerParse(program, io);
  registerRules(program, io);
  registerIncidents(program, io);
  registerSilence(program, io);
  registerOutbox(program, io);
  registerChannels(program, io);
  registerDeliver(program, io);
  registerConfig(program, io);
  registerUser(program, io);
  registerStart(program, io);
  registerInit(program, io);
  registerToken(program, io);
  registerStore(program, io);
  return program;
}

/** Runs the CLI; expected errors (bad input, invalid rules) print plainly and exit 1, bugs print a stack. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof KlaxonError) {
      io.err(`klaxon: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
