import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { windowsCsvParser } from '../../src/parsers/index.ts';
import { commonFragment } from './hostile.ts';
import { checkEvent, parseAll } from './invariants.ts';
import { mutatedText } from './mutate.ts';
import { expectThat } from './runner.ts';
import type { FuzzTarget } from './runner.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../src/parsers/windows-csv/testdata/${name}`, import.meta.url), 'utf8');
const [HEADER = '', ...REST] = fixture('security.csv').split('\r\n');
/** The records of the parser's fixtures, one text each (a record starts with its first column's value). */
const RECORDS = [REST.join('\r\n'), ...fixture('application.csv').split('\r\n').slice(1)]
  .join('\r\n')
  .split(/\r\n(?=Audit |Information,|Error,)/)
  .filter((record) => record.trim() !== '');

/** What a hostile export holds: quotes, doubled and stray, headers, times that are none, labels of other events. */
const csvFragment: fc.Arbitrary<string> = fc.oneof(
  commonFragment,
  fc.constantFrom(
    '"',
    '""',
    ',',
    '\r\n',
    `\r\n${HEADER}\r\n`,
    '13/45/2024 99:99:99 PM',
    ',4625,',
    ',99999999,',
    '\tSource Network Address:\t',
    '\tAccount Name:\t\t',
  ),
);

/** The header and up to 3 records with edits, as lines. */
const input: fc.Arbitrary<string[]> = fc
  .array(mutatedText(fc.constantFrom(...RECORDS), csvFragment), { minLength: 1, maxLength: 3 })
  .map((texts) => [HEADER, ...texts].join('\r\n').split('\n'));

export const windowsCsvTarget: FuzzTarget<string[]> = {
  name: 'windows-csv',
  arbitrary: input,
  pending: [],
  start: () => ({
    check(lines) {
      const parser = windowsCsvParser.create({});
      parseAll(parser, lines, true);
      let finished = 0;
      parser.finish?.((event, ts) => {
        checkEvent(event, ts);
        finished++;
      });
      expectThat(finished === 0, 'finish emitted an event: a record is read when it ends');
    },
  }),
};
