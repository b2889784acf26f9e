import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { IncidentStatus, Priority } from '../../core/index.ts';
import { INCIDENT_STATUSES, NotFoundError, PRIORITIES } from '../../core/index.ts';
import type { Io } from '../io.ts';
import { formatIncidentDetail } from '../output/incident-detail.ts';
import { incidentToJson } from '../output/incident-json.ts';
import { formatIncidentTable } from '../output/incident-table.ts';
import { withStore } from '../store-option.ts';
import { configuredStore, CONFIG_FLAG_HELP, STORE_FLAG_HELP } from '../configured-store.ts';
import { registerIncidentActions } from './incident-actions.ts';

interface CommonFlags {
  store?: string;
  config?: string;
  json?: boolean;
}

export function registerIncidents(program: Command, io: Io): void {
  const incidents = program.command('incidents').description('list, inspect and work incidents in the store');

  incidents
    .command('list')
    .description('incidents, newest first')
    .option('--status <list>', `comma-separated: ${INCIDENT_STATUSES.join(', ')}`, listOf(INCIDENT_STATUSES))
    .option('--priority <list>', 'comma-separated: P1,P2,...', listOf(PRIORITIES))
    .option('--rule <id>', 'only this rule')
    .option('--limit <n>', 'at most this many', positiveInt, 50)
    .option('--store <url>', STORE_FLAG_HELP)
    .option('-c, --config <file>', CONFIG_FLAG_HELP)
    .option('--json', 'one JSON object per line')
    .action(
      async (
        flags: CommonFlags & {
          status?: IncidentStatus[];
          priority?: Priority[];
          rule?: string;
          limit: number;
        },
      ) => {
        await withStore(await configuredStore(flags), async (store) => {
          const found = await store.incidents.list({
            ...(flags.status && { status: flags.status }),
            ...(flags.priority && { priority: flags.priority }),
            ...(flags.rule && { ruleId: flags.rule }),
            limit: flags.limit,
          });
          if (flags.json) for (const incident of found) io.out(JSON.stringify(incidentToJson(incident)));
          else io.out(formatIncidentTable(found));
        });
      },
    );

  incidents
    .command('show')
    .description('one incident: who, where, how often, evidence and audit trail')
    .argument('<serial>', 'incident number', positiveInt)
    .option('--store <url>', STORE_FLAG_HELP)
    .option('-c, --config <file>', CONFIG_FLAG_HELP)
    .option('--json', 'as one JSON object')
    .option('--raw', 'also the raw records behind the evidence (event.original)')
    .action(async (serial: number, flags: CommonFlags & { raw?: boolean }) => {
      await withStore(await configuredStore(flags), async (store) => {
        const incident = await store.incidents.get(serial);
        if (!incident) throw new NotFoundError(`no incident #${serial}`);
        const history = await store.incidents.history(serial);
        if (flags.json) io.out(JSON.stringify({ ...incidentToJson(incident, { raw: flags.raw }), history }));
        else io.out(formatIncidentDetail(incident, history, { raw: flags.raw }));
      });
    });

  registerIncidentActions(incidents, io, positiveInt);
}

function positiveInt(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError('expected a whole number >= 1');
  return value;
}

function listOf<T extends string>(allowed: readonly T[]): (text: string) => T[] {
  return (text) => {
    const values = text.split(',').map((value) => value.trim());
    const wrong = values.filter((value) => !allowed.includes(value as T));
    if (wrong.length > 0)
      throw new InvalidArgumentError(`unknown ${wrong.join(', ')}; expected ${allowed.join(', ')}`);
    return values as T[];
  };
}
