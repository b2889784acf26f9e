import { isIP } from 'node:net';
import fc from 'fast-check';
import { sshdParser } from '../../src/parsers/index.ts';
import type { ParserOptions } from '../../src/parsers/index.ts';
import { syslogFragment } from './hostile.ts';
import { parseAll } from './invariants.ts';
import { mutatedText } from './mutate.ts';
import { expectThat } from './runner.ts';
import type { FuzzTarget } from './runner.ts';
import { sshdLines } from './seeds.ts';

export interface SshdInput {
  options: ParserOptions;
  lines: string[];
}

const REFERENCE_TIME = Date.parse('2024-06-30T12:00:00Z');

/** Consecutive lines (sshd keeps one line of state for "last message repeated"), from auth.log. */
const input: fc.Arbitrary<SshdInput> = fc.record({
  options: fc.constantFrom<ParserOptions>(
    { year: 2024 },
    { referenceTime: REFERENCE_TIME, inputName: 'auth.log' },
  ),
  lines: fc.array(mutatedText(fc.constantFrom(...sshdLines()), syslogFragment), {
    minLength: 1,
    maxLength: 4,
  }),
});

export const sshdTarget: FuzzTarget<SshdInput> = {
  name: 'sshd',
  arbitrary: input,
  pending: [],
  start: () => ({
    check({ options, lines }) {
      const parser = sshdParser.create(options);
      for (const line of lines) {
        for (const event of parseAll(parser, [line])) {
          expectThat(event.event.original === line, 'event.original is not the line');
          const source = event.source as { ip?: unknown; port?: unknown } | undefined;
          if (source?.ip !== undefined)
            expectThat(
              typeof source.ip === 'string' && isIP(source.ip) !== 0,
              `source.ip ${String(source.ip)}`,
            );
          if (source?.port !== undefined)
            expectThat(
              Number.isInteger(source.port) &&
                (source.port as number) >= 0 &&
                (source.port as number) <= 65535,
              `source.port ${String(source.port)}`,
            );
          const user = event.user as { name?: unknown } | undefined;
          if (user?.name !== undefined)
            expectThat(typeof user.name === 'string', 'user.name is not a string');
        }
      }
    },
  }),
};
