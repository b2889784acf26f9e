import fc from 'fast-check';
import type { ParserDefinition } from '../../src/parsers/index.ts';
import { commonFragment } from './hostile.ts';
import { parseAll } from './invariants.ts';
import { mutatedText } from './mutate.ts';
import type { FuzzTarget } from './runner.ts';

/**
 * A target for a parser of lines that stand alone: each input is one of `seeds` with hostile
 * fragments (the common ones and the format's own `fragments`) spliced in, parsed by a fresh parser.
 */
export function lineParserTarget(
  name: string,
  parser: ParserDefinition,
  seeds: readonly string[],
  fragments: readonly string[],
): FuzzTarget<string> {
  return {
    name,
    arbitrary: mutatedText(
      fc.constantFrom(...seeds),
      fc.oneof(commonFragment, fc.constantFrom(...fragments)),
    ),
    pending: [],
    start: () => ({
      check(line) {
        parseAll(parser.create({}), [line]);
      },
    }),
  };
}
