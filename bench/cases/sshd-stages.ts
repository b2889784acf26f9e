// Where an sshd replay's time goes, in one process: the floor (read and split), parsing (no
// detection) and the whole replay with the shipped pack, each `rounds` times (CPU ms, median).
// Arguments: file, year ('-' for none), rounds (default 5).
import { loadRules, runReplay } from '../../src/app/index.ts';
import { findParser, parseLines } from '../../src/parsers/index.ts';
import { readLineBatches } from '../../src/sources/file/index.ts';
import { median } from '../rounds.ts';
import { report } from './measure.ts';

const [path, yearArg, roundsArg] = process.argv.slice(2) as [string, string | undefined, string | undefined];
const year = yearArg && yearArg !== '-' ? Number(yearArg) : undefined;
const rounds = Number(roundsArg ?? 5);
const rules = await loadRules(undefined);

async function cpuOf(run: () => Promise<unknown>): Promise<number> {
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000;
}

async function floor(): Promise<number> {
  let sink = 0;
  for await (const batch of readLineBatches(path)) for (const line of batch) sink += line.length > 0 ? 1 : 0;
  return sink;
}

async function parse(): Promise<void> {
  const parser = (findParser('sshd') as NonNullable<ReturnType<typeof findParser>>).create(
    year === undefined ? {} : { year },
  );
  for await (const batch of readLineBatches(path, 512)) parseLines(parser, batch);
}

async function replay(): Promise<void> {
  await runReplay({ inputs: [path], rules, year });
}

const times: Record<string, number[]> = { floor: [], parse: [], replay: [] };
for (let round = 0; round < rounds; round++) {
  (times.floor as number[]).push(await cpuOf(floor));
  (times.parse as number[]).push(await cpuOf(parse));
  (times.replay as number[]).push(await cpuOf(replay));
}
report({
  floorCpuMs: median(times.floor as number[]),
  parseCpuMs: median(times.parse as number[]),
  replayCpuMs: median(times.replay as number[]),
  firstReplayCpuMs: (times.replay as number[])[0],
  ms: 0,
});
