import fc from 'fast-check';
import { cowrieParser } from '../../src/parsers/index.ts';
import { parseAll } from './invariants.ts';
import { mutatedJsonLine } from './json-lines.ts';
import { expectThat } from './runner.ts';
import type { FuzzTarget } from './runner.ts';
import { CLOSED, CONNECT, cowrieRecord, FAILED, SUCCESS } from '../../src/parsers/cowrie/testdata/records.ts';

// Klaxon's Cowrie test records (in the shape of cowrie.json), and a command record.
const SEEDS = [
  CONNECT,
  FAILED,
  SUCCESS,
  CLOSED,
  cowrieRecord({ eventid: 'cowrie.command.input', src_ip: '203.0.113.7', input: 'uname -a' }),
];

/** Consecutive records (a login takes its source port from its session's connect). */
const input: fc.Arbitrary<string[]> = fc.array(mutatedJsonLine(SEEDS), { minLength: 1, maxLength: 4 });

export const cowrieTarget: FuzzTarget<string[]> = {
  name: 'cowrie',
  arbitrary: input,
  pending: [],
  start: () => ({
    check(lines) {
      for (const event of parseAll(cowrieParser.create({}), lines))
        expectThat(!/hunter2secret|toor-secret/.test(JSON.stringify(event)), 'a tried password was kept');
    },
  }),
};
