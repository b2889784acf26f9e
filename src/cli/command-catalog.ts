import type { Command } from 'commander';
import type { Io } from './io.ts';

export type RegisterCommand = (program: Command, io: Io) => void;

/**
 * Every command, in the order `klaxon --help` lists them. Only the command being run is imported
 * (its module pulls in the pipeline, the store, the server...), so `klaxon --help` loads none of
 * them. `term` and `description` repeat what the module registers, for the list in the help;
 * test/cli/command-catalog.test.ts fails when they drift apart.
 */
export interface CatalogEntry {
  name: string;
  term: string;
  description: string;
  load: () => Promise<RegisterCommand>;
}

export const COMMANDS: readonly CatalogEntry[] = [
  {
    name: 'demo',
    term: 'demo [options]',
    description:
      'simulate a day of logins with five attacks in it, detect them, and show what an analyst receives',
    load: async () => (await import('./commands/demo.ts')).registerDemo,
  },
  {
    name: 'replay',
    term: 'replay [options] <files...>',
    description: 'run detection over log files and print the incidents it finds',
    load: async () => (await import('./commands/replay.ts')).registerReplay,
  },
  {
    name: 'parse',
    term: 'parse [options] <file>',
    description: 'print the normalized events of a file, one JSON object a line (like a grok debugger)',
    load: async () => (await import('./commands/parse.ts')).registerParse,
  },
  {
    name: 'rules',
    term: 'rules',
    description: 'check and list detection rules',
    load: async () => (await import('./commands/rules.ts')).registerRules,
  },
  {
    name: 'incidents',
    term: 'incidents',
    description: 'list, inspect and work incidents in the store',
    load: async () => (await import('./commands/incidents.ts')).registerIncidents,
  },
  {
    name: 'silence',
    term: 'silence',
    description: 'mute incidents that match, for a while, with a reason',
    load: async () => (await import('./commands/silence.ts')).registerSilence,
  },
  {
    name: 'outbox',
    term: 'outbox',
    description: 'the durable queue of notifications: see, retry, drop',
    load: async () => (await import('./commands/outbox.ts')).registerOutbox,
  },
  {
    name: 'channels',
    term: 'channels',
    description: 'the delivery channels of klaxon.yaml',
    load: async () => (await import('./commands/channels.ts')).registerChannels,
  },
  {
    name: 'deliver',
    term: 'deliver [options]',
    description:
      'deliver what is due in the outbox now (one pass per channel until nothing is due), then stop',
    load: async () => (await import('./commands/deliver.ts')).registerDeliver,
  },
  {
    name: 'config',
    term: 'config',
    description: 'check klaxon.yaml',
    load: async () => (await import('./commands/config.ts')).registerConfig,
  },
  {
    name: 'user',
    term: 'user',
    description: 'people who log in to the dashboard',
    load: async () => (await import('./commands/user.ts')).registerUser,
  },
  {
    name: 'start',
    term: 'start [options]',
    description:
      'run Klaxon: the sources of klaxon.yaml → detection → incidents → delivery, and the HTTP server (dashboard, API, ingest, /metrics); SIGHUP reloads rules and routes, SIGTERM stops cleanly; logs JSON lines on standard output',
    load: async () => (await import('./commands/start.ts')).registerStart,
  },
  {
    name: 'init',
    term: 'init [options]',
    description: 'write a commented klaxon.yaml to start from',
    load: async () => (await import('./commands/init.ts')).registerInit,
  },
  {
    name: 'token',
    term: 'token',
    description: 'API tokens for the ingest API and feeds (only their hash is stored)',
    load: async () => (await import('./commands/token.ts')).registerToken,
  },
  {
    name: 'store',
    term: 'store',
    description: 'check or create the store (SQLite file or PostgreSQL)',
    load: async () => (await import('./commands/store.ts')).registerStore,
  },
];

/** The command argv asks for (`klaxon help <name>` included), or undefined for the bare program. */
export function requestedCommand(argv: readonly string[]): CatalogEntry | undefined {
  const words = argv.filter((word) => !word.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((entry) => entry.name === name);
}
