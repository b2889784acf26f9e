// Read, split and parse only (no detection): what the parser adds to the floor (floor.ts `lines`).
// Lines are parsed PARSE_BATCH_LINES at a time, as a replay parses them on the main thread.
// Arguments: file, year ('-' for none), format (default sshd). Prints CPU ms too: on a shared machine
// wall time also counts the waits for a core.
import { PARSE_BATCH_LINES } from '../../src/app/parse-batches.ts';
import { findParser, parseLines } from '../../src/parsers/index.ts';
import { readLineBatches } from '../../src/sources/file/index.ts';
import { report } from './measure.ts';

const [path, year, format] = process.argv.slice(2) as [string, string | undefined, string | undefined];
const definition = findParser(format ?? 'sshd');
if (definition === undefined) throw new Error(`unknown format ${format}`);
const parser = definition.create(year && year !== '-' ? { year: Number(year) } : {});
const cpu = process.cpuUsage();
const started = performance.now();
let lines = 0;
let events = 0;
for await (const batch of readLineBatches(path, PARSE_BATCH_LINES)) {
  lines += batch.length;
  events += parseLines(parser, batch).events.length;
}
const used = process.cpuUsage(cpu);
report({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, lines, events });
