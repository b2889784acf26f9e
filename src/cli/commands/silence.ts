import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { InputError, parseDuration } from '../../core/index.ts';
import { noise } from '../../incidents/index.ts';
import type { Silence, SilenceMatcher } from '../../store/index.ts';
import type { Io } from '../io.ts';
import { formatTime } from '../output/time.ts';
import { collect } from '../options.ts';
import { defaultActor, withStore } from '../store-option.ts';
import { configuredStore, CONFIG_FLAG_HELP, STORE_FLAG_HELP } from '../configured-store.ts';

interface AddFlags {
  match: string[];
  from?: number;
  for?: number;
  until?: number;
  by: string;
  comment: string;
  store?: string;
  config?: string;
  json?: boolean;
}

export function registerSilence(program: Command, io: Io): void {
  const silence = program
    .command('silence')
    .description('mute incidents that match, for a while, with a reason');
  silence
    .command('add')
    .description('add a silence: every matcher must match (rule=ID, or a group field such as source.ip=...)')
    .requiredOption(
      '--match <field=value>',
      'rule=ID or FIELD=VALUE; FIELD=~REGEX for a regular expression (repeatable)',
      collect,
    )
    .option(
      '--from <time>',
      'start at this ISO time (default: now; a maintenance window ahead, or past event time for a replay)',
      timeArg,
    )
    .option('--for <duration>', 'how long, e.g. 2h (default 1h)', durationArg)
    .option('--until <time>', 'until this ISO time instead', timeArg)
    .option('--by <name>', 'who (default: your login name)', defaultActor())
    .requiredOption('--comment <text>', 'why: kept with the silence')
    .option('--store <url>', STORE_FLAG_HELP)
    .option('-c, --config <file>', CONFIG_FLAG_HELP)
    .option('--json', 'print the silence as JSON')
    .action(async (flags: AddFlags) => {
      const now = Date.now();
      const matchers = flags.match.map(parseMatcher);
      const startsAt = flags.from ?? now;
      const endsAt = flags.until ?? startsAt + (flags.for ?? 3_600_000);
      if (endsAt <= startsAt) throw new InputError('the silence would end before it starts');
      await withStore(await configuredStore(flags), async (store) => {
        const added = await store.silences.add(
          { matchers, startsAt, endsAt, createdBy: flags.by, comment: flags.comment },
          now,
        );
        io.out(flags.json ? JSON.stringify(added) : `silence ${added.id} until ${formatTime(added.endsAt)}`);
      });
    });
  silence
    .command('list')
    .description('silences in force (with --all, also ended ones)')
    .option('--all', 'include expired and ended silences')
    .option('--store <url>', STORE_FLAG_HELP)
    .option('-c, --config <file>', CONFIG_FLAG_HELP)
    .option('--json', 'one JSON object per line')
    .action(async (flags: { all?: boolean; store?: string; config?: string; json?: boolean }) => {
      await withStore(await configuredStore(flags), async (store) => {
        const found = await store.silences.list(flags.all ? {} : { activeAt: Date.now() });
        if (flags.json) for (const item of found) io.out(JSON.stringify(item));
        else io.out(found.length === 0 ? 'No silences.' : found.map(describeSilence).join('\n'));
      });
    });
  silence
    .command('expire')
    .description('end a silence now')
    .argument('<id>', 'silence id')
    .option('--by <name>', 'who (default: your login name)', defaultActor())
    .option('--store <url>', STORE_FLAG_HELP)
    .option('-c, --config <file>', CONFIG_FLAG_HELP)
    .action(async (id: string, flags: { by: string; store?: string; config?: string }) => {
      await withStore(await configuredStore(flags), async (store) => {
        await store.silences.expire(id, flags.by, Date.now());
        io.out(`silence ${id} expired`);
      });
    });
}

export function parseMatcher(text: string): SilenceMatcher {
  const regex = /^([A-Za-z0-9_.@-]+)=~(.+)$/.exec(text);
  if (regex) {
    const invalid = noise.checkSilenceRegex(regex[2] as string);
    if (invalid !== undefined) throw new InputError(`--match ${text}: ${invalid}`);
    return { field: regex[1] as string, value: regex[2] as string, regex: true };
  }
  const plain = /^([A-Za-z0-9_.@-]+)=(.+)$/.exec(text);
  if (!plain) throw new InputError(`--match ${text}: expected FIELD=VALUE or FIELD=~REGEX`);
  return { field: plain[1] as string, value: plain[2] as string };
}

function describeSilence(silence: Silence): string {
  const matchers = silence.matchers.map((m) => `${m.field}${m.regex ? '=~' : '='}${m.value}`).join(' ');
  const ended = silence.expiredAt !== undefined ? ` (expired by ${silence.expiredBy ?? '?'})` : '';
  return `${silence.id}  ${matchers}  until ${formatTime(silence.endsAt)}${ended}  by ${silence.createdBy}: ${silence.comment}`;
}

function durationArg(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) throw new InvalidArgumentError('expected a duration like 30m or 2h');
  return ms;
}

function timeArg(text: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new InvalidArgumentError('expected an ISO time like 2026-03-02T18:00:00Z');
  return ms;
}
