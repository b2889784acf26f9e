import type { Command } from 'commander';
import { loadKlaxonConfig } from '../../app/load-config.ts';
import { channelDetailOverrides } from '../../config/index.ts';
import { InputError } from '../../core/index.ts';
import type { Incident, PersonActionName } from '../../core/index.ts';
import { announcePersonAction } from '../../routing/index.ts';
import type { PersonActionRouting } from '../../routing/index.ts';
import { requireActiveUser } from '../../store/index.ts';
import type { StoreOperations } from '../../store/index.ts';
import type { Io } from '../io.ts';
import { incidentToJson } from '../output/incident-json.ts';
import { defaultActor, storeUrl, withStore } from '../store-option.ts';

interface ActionFlags {
  by: string;
  note?: string;
  store?: string;
  config?: string;
  json?: boolean;
}

/** One person action of the CLI: the store call and what it prints. */
interface CliAction {
  name: PersonActionName;
  description: string;
  /** A second argument (`<assignee>`). */
  argument?: string;
  /** Refused without `--note`, with this hint. */
  needsNote?: string;
  run(
    tx: StoreOperations,
    serial: number,
    by: string,
    at: number,
    flags: ActionFlags,
    extra?: string,
  ): Promise<Incident>;
  said(serial: number, flags: ActionFlags, extra?: string): string;
}

const ACTIONS: CliAction[] = [
  {
    name: 'ack',
    description: 'acknowledge: someone is on it',
    run: (tx, serial, by, at, flags) => tx.incidents.acknowledge(serial, by, at, flags.note),
    said: (serial, flags) => `#${serial} acknowledged by ${flags.by}`,
  },
  {
    name: 'assign',
    description: 'give the incident to someone',
    argument: '<assignee>',
    run: async (tx, serial, by, at, _flags, assignee) => {
      // An assignee must be a Klaxon user: `no user bob`, exit 1.
      await requireActiveUser(tx.users, assignee as string);
      return tx.incidents.assign(serial, assignee as string, by, at);
    },
    said: (serial, _flags, assignee) => `#${serial} assigned to ${assignee}`,
  },
  {
    name: 'note',
    description: 'add a note to the audit trail',
    needsNote: 'give the note with --note "..."',
    run: (tx, serial, by, at, flags) => tx.incidents.note(serial, by, at, flags.note as string),
    said: (serial) => `#${serial} note added`,
  },
  {
    name: 'resolve',
    description: 'resolve with a note saying what was done',
    needsNote: 'say what was done with --note "..."',
    run: (tx, serial, by, at, flags) => tx.incidents.resolve(serial, by, at, flags.note as string),
    said: (serial, flags) => `#${serial} resolved by ${flags.by}`,
  },
  {
    name: 'reopen',
    description: 'open a resolved incident again (--note: why)',
    run: (tx, serial, by, at, flags) => tx.incidents.reopen(serial, by, at, flags.note),
    said: (serial, flags) => `#${serial} reopened by ${flags.by}`,
  },
];

/**
 * `klaxon incidents ack|assign|note|resolve|reopen`. With `--config` the store and the routes come
 * from klaxon.yaml, and the channels told about the incident hear of the action through the outbox
 * (`klaxon deliver` or the daemon sends it), in the transaction that records it.
 */
export function registerIncidentActions(
  incidents: Command,
  io: Io,
  positiveInt: (text: string) => number,
): void {
  for (const action of ACTIONS) {
    const command = incidents
      .command(action.name)
      .description(action.description)
      .argument('<serial>', 'incident number', positiveInt);
    if (action.argument) command.argument(action.argument);
    command
      .option('--by <name>', 'who does it (default: your login name)', defaultActor())
      .option('--note <text>', 'a note for the audit trail')
      .option('--store <url>', 'sqlite:./klaxon.db (default, or $KLAXON_STORE) or postgres://...')
      .option('-c, --config <file>', 'klaxon.yaml: its store, and its routes tell the channels of the action')
      .option('--json', 'print the incident as JSON')
      .action(async (serial: number, ...rest: unknown[]) => {
        const extra = action.argument ? (rest[0] as string) : undefined;
        const flags = (action.argument ? rest[1] : rest[0]) as ActionFlags;
        await runAction(action, serial, flags, extra, io);
      });
  }
}

async function runAction(
  action: CliAction,
  serial: number,
  flags: ActionFlags,
  extra: string | undefined,
  io: Io,
): Promise<void> {
  if (action.needsNote && !flags.note) throw new InputError(action.needsNote);
  const config = flags.config ? await loadKlaxonConfig(flags.config) : undefined;
  const routing: PersonActionRouting | undefined = config && {
    routes: config.routes,
    channelDetail: channelDetailOverrides(config.channels),
    ...(config.publicUrl !== undefined && { publicUrl: config.publicUrl }),
  };
  const { incident, told } = await withStore(flags.store ?? config?.store ?? storeUrl(undefined), (store) =>
    store.transaction(async (tx) => {
      const at = Date.now();
      const changed = await action.run(tx, serial, flags.by, at, flags, extra);
      const text = action.name === 'assign' ? extra : flags.note;
      const notice = { action: action.name, by: flags.by, at, ...(text !== undefined && { text }) };
      const count = routing ? await announcePersonAction(tx, changed, notice, routing) : 0;
      return { incident: changed, told: count };
    }),
  );
  if (flags.json) io.out(JSON.stringify(incidentToJson(incident)));
  else
    io.out(
      `${action.said(serial, flags, extra)}${routing ? `; ${told} channel${told === 1 ? '' : 's'} to tell` : ''}`,
    );
}
