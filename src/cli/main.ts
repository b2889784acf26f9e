import { Command, CommanderError, Help } from 'commander';
// Not through config/index.ts: that would load the whole config stage for `klaxon --help`.
import { packageVersion } from '../config/package-files.ts';
import type { CatalogEntry } from './command-catalog.ts';
import { COMMANDS, requestedCommand } from './command-catalog.ts';
import type { Io } from './io.ts';
import { processIo } from './io.ts';

/**
 * The program with every command listed, and only `wanted` (the one being run) registered in
 * full: the others are names and descriptions, so their modules are never imported.
 */
export async function buildProgram(io: Io, wanted?: CatalogEntry): Promise<Command> {
  const program = new Command('klaxon')
    .description('Security alerting: detect attacks in security events, open incidents, deliver them.')
    .version(packageVersion(), '-V, --version', 'print the version of Klaxon')
    .showHelpAfterError()
    // Before the subcommands are added, so they inherit it: usage errors return, never exit the process.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    })
    .configureHelp({ subcommandTerm: (command) => termOf(command) });
  for (const entry of COMMANDS) {
    if (entry === wanted) (await entry.load())(program, io);
    else program.command(entry.name).description(entry.description);
  }
  return program;
}

const plainHelp = new Help();

function termOf(command: Command): string {
  return COMMANDS.find((entry) => entry.name === command.name())?.term ?? plainHelp.subcommandTerm(command);
}

/** Runs the CLI; expected errors (bad input, invalid rules) print plainly and exit 1, bugs print a stack. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = await buildProgram(io, requestedCommand(argv));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    // Loaded only now: by the time a command has failed, its module has loaded core anyway.
    const { KlaxonError } = await import('../core/index.ts');
    if (error instanceof KlaxonError) {
      io.err(`klaxon: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
