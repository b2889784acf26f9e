import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { runDemo } from '../../app/demo.ts';
import { formatIncidentMessage } from '../output/incident-message.ts';
import { formatIncidentTable } from '../output/incident-table.ts';
import { formatReplaySummary } from '../output/summary.ts';
import type { Io } from '../io.ts';

interface DemoFlags {
  seed: number;
  date?: Date;
}

const DAY_MS = 86_400_000;

export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description(
      'simulate a day of logins with five attacks in it, detect them, and show what an analyst receives',
    )
    .option('--seed <n>', 'seed of the simulation', (text) => Number.parseInt(text, 10), 7)
    .option('--date <yyyy-mm-dd>', 'the simulated day (default: yesterday, UTC)', parseDate)
    .action(async (flags: DemoFlags) => {
      const start = flags.date ?? new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS);
      const { report } = await runDemo({ seed: flags.seed, start });
      const byPriority = [...report.incidents].sort(
        (a, b) => a.priority.localeCompare(b.priority) || a.serial - b.serial,
      );
      io.out(
        `Simulated ${start.toISOString().slice(0, 10)}: what the SOC would receive, most urgent first.\n`,
      );
      for (const incident of byPriority) io.out(`${formatIncidentMessage(incident)}\n`);
      io.out(formatIncidentTable(report.incidents));
      io.out('');
      io.out(`${report.cases.length} cases (one per attack):`);
      for (const found of report.cases)
        io.out(
          `  case #${found.id}: incidents ${found.serials.map((s) => `#${s}`).join(', ')} — ${found.entities.join(', ')}`,
        );
      io.out('');
      io.out(formatReplaySummary(report));
    });
}

function parseDate(text: string): Date {
  const date = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('expected a date like 2026-03-02');
  }
  return date;
}
