import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './rounds.ts';

export interface Command {
  label: string;
  argv: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** What the run found, read from its output (standard output and error together). */
  summary?: (output: string) => string;
}

export interface Timing {
  /** Medians over the runs, whole process: start-up, reading, detection, output, exit. */
  wallS: number;
  cpuS: number;
  peakMb: number;
  runs: number;
  /** The command's `summary` of its last run's output. */
  summary: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs the commands in turn (A B C A B C ...) `runs` times, so a drift in the machine's speed
 * touches each alike, and gives each one's medians. Each run is timed from outside by GNU time
 * (wall, user + system CPU, peak RSS); its output goes to a file, read only for its summary. A run
 * that fails stops the bench.
 */
export function timeInTurn(commands: Command[], runs: number): Timing[] {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} is missing (Debian package time)`);
  const samples = commands.map(() => [] as Array<[number, number, number]>);
  const summaries = commands.map(() => '');
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-bench-timed-'));
  try {
    for (let run = 0; run < runs; run++) {
      commands.forEach((command, index) => {
        samples[index]?.push(timeOnce(command, dir));
        summaries[index] = command.summary?.(readFileSync(join(dir, 'output.txt'), 'utf8')) ?? '';
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return samples.map((runsOf, index) => ({
    wallS: median(runsOf.map(([wall]) => wall)),
    cpuS: median(runsOf.map(([, cpu]) => cpu)),
    peakMb: median(runsOf.map(([, , peak]) => peak)),
    runs,
    summary: summaries[index] ?? '',
  }));
}

function timeOnce(command: Command, dir: string): [number, number, number] {
  const [program, ...args] = command.argv;
  const timeFile = join(dir, 'time.txt');
  const output = openSync(join(dir, 'output.txt'), 'w');
  const result = spawnSync(GNU_TIME, ['-o', timeFile, '-f', '%e %U %S %M', program as string, ...args], {
    cwd: command.cwd,
    env: command.env ?? process.env,
    stdio: ['ignore', output, output],
  });
  closeSync(output);
  const fields = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
  if (result.status !== 0 || fields.length !== 4)
    throw new Error(`${command.label} failed (exit ${result.status}): ${command.argv.join(' ')}`);
  const [wall = 0, user = 0, system = 0, peakKb = 0] = fields;
  return [wall, user + system, peakKb / 1024];
}
