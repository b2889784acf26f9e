import type { Command } from 'commander';
import { loadRules, runReplay } from '../../app/index.ts';
import { cliRuleCache, cliRulePack } from '../rule-cache.ts';
import { InputError } from '../../core/index.ts';
import { openKlaxonStore } from '../../app/line-evidence.ts';
import { incidentToJson } from '../output/incident-json.ts';
import { formatIncidentTable } from '../output/incident-table.ts';
import { formatReplaySummary } from '../output/summary.ts';
import {
  collect,
  parseThreads,
  parseTimeZone,
  parseTolerance,
  parseYear,
  TIME_ZONE_HELP,
} from '../options.ts';
import type { Io } from '../io.ts';
import { FORMAT_OPTION_HELP } from '../../parsers/format-names.ts';

interface ReplayFlags {
  config?: string;
  store?: string;
  checkpointEvery?: number;
  rules?: string[];
  format?: string;
  year?: number;
  timezone?: string;
  tolerance?: number;
  json?: boolean;
  notify?: boolean;
  threads?: number | 'auto';
}

export function registerReplay(program: Command, io: Io): void {
  program
    .command('replay')
    .description('run detection over log files and print the incidents it finds')
    .argument(
      '<files...>',
      'log files (sshd auth.log, Winlogbeat NDJSON, ECS NDJSON, Windows .evtx); each is put in time order, several are merged by time',
    )
    .option(
      '-r, --rules <path>',
      'rule file or folder, Klaxon or Sigma rules (repeatable); default: the shipped rule pack',
      collect,
    )
    .option('-f, --format <format>', FORMAT_OPTION_HELP)
    .option('-y, --year <year>', 'year of syslog timestamps, which carry none', parseYear)
    .option('--timezone <zone>', TIME_ZONE_HELP, parseTimeZone)
    .option('--tolerance <duration>', 'how far out of order events may arrive (default 2s)', parseTolerance)
    .option(
      '--store <url>',
      'persist incidents: sqlite:./klaxon.db or postgres://...; an interrupted replay resumes',
    )
    .option(
      '--checkpoint-every <duration>',
      'with --store: how often to checkpoint (default 5s, less often when checkpoints would take over 2% of the time)',
      parseTolerance,
    )
    .option(
      '-c, --config <file>',
      'klaxon.yaml: its store (history only, nobody is notified without --notify)',
    )
    .option('--notify', 'with --config: its routes put notifications, marked as a replay, into the outbox')
    .option(
      '--threads <n>',
      'threads that read and parse each large NDJSON file, the main thread among them (default auto: one per core up to 4; 1: the main thread alone)',
      parseThreads,
    )
    .option('--json', 'one JSON object per incident; the summary goes to stderr')
    .action(async (files: string[], flags: ReplayFlags) => {
      // The config, routing and channels load only with --config: a plain replay starts without them.
      const configured = flags.config ? await import('./replay-notify.ts') : undefined;
      const config = configured && flags.config ? await configured.loadKlaxonConfig(flags.config) : undefined;
      const rules = await loadRules(flags.rules, io.err, {
        sigma: { placeholders: config?.sigmaPlaceholders ?? {} },
        cache: cliRuleCache(),
        pack: cliRulePack(),
      });
      const storeUrl = flags.store ?? config?.store;
      const store = storeUrl ? await openKlaxonStore(storeUrl) : undefined;
      if (flags.notify && !config) throw new InputError('--notify needs --config: the routes come from it');
      // History does not page anyone unless asked to, and then says it is history.
      const notify =
        configured && config && flags.notify ? await configured.createReplayNotify(config, store) : undefined;
      let report;
      try {
        report = await runReplay({
          inputs: files,
          rules,
          format: flags.format,
          year: flags.year,
          timeZone: flags.timezone,
          toleranceMs: flags.tolerance,
          store,
          notify,
          threads: flags.threads,
          // The table shows no evidence.
          evidence: flags.json === true,
          ...(flags.checkpointEvery !== undefined && { checkpointEveryMs: flags.checkpointEvery }),
        });
      } finally {
        await store?.close();
      }
      if (flags.json) {
        for (const incident of report.incidents) io.out(JSON.stringify(incidentToJson(incident)));
        io.err(formatReplaySummary(report));
      } else {
        io.out(formatIncidentTable(report.incidents));
        io.out('');
        io.out(formatReplaySummary(report));
      }
    });
}
