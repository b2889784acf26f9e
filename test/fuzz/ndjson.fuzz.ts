import { ndjsonParser } from '../../src/parsers/index.ts';
import { parseAll } from './invariants.ts';
import { mutatedJsonLine, pendingJsonLines } from './json-lines.ts';
import type { FuzzTarget } from './runner.ts';
import { appEventLines, windowsLines } from './seeds.ts';

/** ECS documents, one per line: application events (nested and dotted keys, search hits) and Winlogbeat. */
// The few application events repeated so they weigh about as much as the many Winlogbeat ones.
const seeds = [...Array.from({ length: 30 }, () => appEventLines()).flat(), ...windowsLines()];

export const ndjsonTarget: FuzzTarget<string> = {
  name: 'ndjson',
  arbitrary: mutatedJsonLine(seeds),
  pending: pendingJsonLines,
  start: () => ({
    check(line) {
      parseAll(ndjsonParser.create({}), [line]);
    },
  }),
};
