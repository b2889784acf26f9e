import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { SecurityEvent } from '../../src/core/index.ts';
import { winEventLogParser } from '../../src/parsers/index.ts';
import { commonFragment } from './hostile.ts';
import { checkEvent, parseAll } from './invariants.ts';
import { mutatedLines } from './mutate.ts';
import { expectThat } from './runner.ts';
import type { FuzzTarget } from './runner.ts';

/** The test events of src/parsers/windows-text/testdata, one text each (its time line first). */
const RECORDS = readFileSync(
  new URL('../../src/parsers/windows-text/testdata/splunk-wineventlog.txt', import.meta.url),
  'utf8',
)
  .split(/\n(?=\d{2}\/\d{2}\/\d{4} )/)
  .slice(1);

/** What hostile classic text holds: time lines, keys without values, labels of other events. */
const classicFragment: fc.Arbitrary<string> = fc.oneof(
  commonFragment,
  fc.constantFrom(
    '\n03/04/2024 10:00:00 AM\n',
    '\nEvent[0]:\n',
    '\nLog Name: Security\n',
    '  Description: ',
    '  Date: 2024-02-30T25:00:00.1234567890',
    '\n13/45/2024 99:99:99 PM\n',
    'EventCode=',
    'EventCode=99999999',
    '\nMessage=',
    '\n__proto__: x\n',
    '\tAccount Name:\t\t',
    ':',
    '\t\t\t',
    '=',
  ),
);

/** Up to 3 events with edits, as lines. */
const input: fc.Arbitrary<string[]> = mutatedLines(fc.constantFrom(...RECORDS), classicFragment, 3);

export const winEventLogTarget: FuzzTarget<string[]> = {
  name: 'wineventlog',
  arbitrary: input,
  pending: [],
  start: () => ({
    check(lines) {
      const parser = winEventLogParser.create({});
      const events = parseAll(parser, lines, true);
      const last: SecurityEvent[] = [];
      parser.finish?.((event, ts) => {
        checkEvent(event, ts);
        last.push(event);
      });
      expectThat(last.length <= 1, 'finish emitted more than the event still open');
      for (const event of [...events, ...last]) {
        const original = event.event.original;
        expectThat(typeof original === 'string' && /^\d/.test(original), 'event.original is not one event');
      }
    },
  }),
};
