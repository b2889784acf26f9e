import type { Command } from 'commander';
import { openEventStream } from '../../app/index.ts';
import { countOf, formatCount } from '../output/time.ts';
import { parseTimeZone, parseYear, TIME_ZONE_HELP } from '../options.ts';
import type { Io } from '../io.ts';
import { FORMAT_OPTION_HELP } from '../../parsers/format-names.ts';

interface ParseFlags {
  format?: string;
  year?: number;
  timezone?: string;
}

export function registerParse(program: Command, io: Io): void {
  program
    .command('parse')
    .description('print the normalized events of a file, one JSON object a line (like a grok debugger)')
    .argument('<file>', 'log file')
    .option('-f, --format <format>', FORMAT_OPTION_HELP)
    .option('-y, --year <year>', 'year of syslog timestamps, which carry none', parseYear)
    .option('--timezone <zone>', TIME_ZONE_HELP, parseTimeZone)
    .action(async (file: string, flags: ParseFlags) => {
      const stream = await openEventStream(file, { ...flags, timeZone: flags.timezone });
      for await (const { events } of stream.batches) {
        io.out(events.map((event) => JSON.stringify(event)).join('\n'));
      }
      const { lines, events, skipped } = stream.counts;
      const reasons = Object.entries(skipped).map(([reason, n]) => `${reason} ${formatCount(n)}`);
      io.err(
        `${file} (${stream.format}): ${countOf(lines, 'line')}, ${countOf(events, 'event')}` +
          (reasons.length > 0 ? `; skipped: ${reasons.join(', ')}` : ''),
      );
      for (const note of stream.parser.notes()) io.err(`note: ${note}`);
    });
}
