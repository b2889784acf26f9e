import { windowsParser } from '../../src/parsers/index.ts';
import { parseAll } from './invariants.ts';
import { mutatedJsonLine, pendingJsonLines } from './json-lines.ts';
import type { FuzzTarget } from './runner.ts';
import { windowsLines } from './seeds.ts';

/** Winlogbeat JSON lines (the public evtx-to-mitre-attack events), completed as Winlogbeat does. */
export const windowsTarget: FuzzTarget<string> = {
  name: 'windows',
  arbitrary: mutatedJsonLine(windowsLines()),
  pending: pendingJsonLines,
  start: () => ({
    check(line) {
      parseAll(windowsParser.create({}), [line]);
    },
  }),
};
