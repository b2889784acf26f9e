import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileSigmaCollection } from './compile-collection.ts';
import { KNOWN_MODIFIERS } from './match/modifiers.ts';
import { parseSigmaText } from './parse-sigma-text.ts';

const FIELDS = [
  'CommandLine',
  'EventID',
  'constructor',
  '__proto__',
  'toString',
  'a.b',
  '',
  'winlog.event_data.X',
];
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('*', '?', '\\', '%x%', '%constructor%', '-a /b', '0x17', '10.0.0.0/8', '(a)\\1', '[', '^$'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const key = fc
  .tuple(
    fc.constantFrom(...FIELDS),
    fc.array(fc.constantFrom(...KNOWN_MODIFIERS, 'bogus', ''), { maxLength: 3 }),
  )
  .map(([field, modifiers]) => [field, ...modifiers].join('|'));
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), scalar, { maxKeys: 2 }),
);
const search = fc.oneof(
  fc.dictionary(key, value, { maxKeys: 3 }),
  fc.array(fc.oneof(scalar, fc.dictionary(key, value, { maxKeys: 2 })), { maxLength: 3 }),
  scalar,
);
const condition = fc.oneof(
  fc.constantFrom(
    'a',
    'a and not b',
    '1 of them',
    'all of a*',
    '(a or b',
    'a | count() > 2',
    'not',
    '',
    'constructor',
  ),
  fc.string({ maxLength: 16 }),
);
const logsource = fc.record({
  product: fc.constantFrom('windows', 'linux', 'constructor', undefined),
  category: fc.constantFrom('process_creation', 'toString', undefined),
  service: fc.constantFrom('security', 'sshd', undefined),
});
const level = fc.constantFrom('high', 'constructor', '__proto__', 'informational', undefined);

describe('hostile Sigma rules', () => {
  it('compile to a rule or a refusal, never an exception, and the rules never throw on events', () => {
    fc.assert(
      fc.property(
        fc.record({ a: search, b: search }),
        condition,
        logsource,
        level,
        (searches, text, source, lvl) => {
          const doc = {
            title: 't',
            level: lvl,
            logsource: source,
            detection: { ...searches, condition: text },
          };
          const result = compileSigmaCollection(parseSigmaText(stringify(doc), 'fuzz.yml'), {
            placeholders: { x: ['1', '2*'] },
          });
          expect(result.rules.length + result.refused.length).toBe(1);
          for (const refusal of result.refused) expect(refusal.reason.length).toBeGreaterThan(0);
          const events: Record<string, unknown>[] = [
            {
              '@timestamp': 'x',
              event: { code: '1' },
              winlog: { channel: 'Security', event_data: { CommandLine: '-a' } },
            },
            { '@timestamp': 'x', event: {}, constructor: 5, process: { name: 'sshd' } },
          ];
          for (const rule of result.rules) for (const event of events) rule.matches(event as never);
        },
      ),
      { numRuns: 400 },
    );
  });
});
