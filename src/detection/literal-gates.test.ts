import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.ts';
import { compileFieldGetter } from '../core/index.ts';
import type { LiteralGate } from '../rules/index.ts';
import { LiteralGates } from './literal-gates.ts';

const NAMES = ['Image', 'CommandLine', 'User', 'ParentImage', 'Hashes', 'OriginalFileName', 'Company'];
const FIELDS = [
  ...NAMES.flatMap((name) => [`winlog.event_data.${name}`, `winlog.user_data.${name}`, name]),
  'process.command_line',
  'process.pe.original_file_name',
  'constructor',
  'winlog.toString',
];
// Texts that fold oddly (Kelvin sign, sharp s, dotted I), wildcards, backslashes, empty ones.
const PIECES = [
  '',
  'cmd',
  'CMD',
  '\u212a',
  'k',
  'ß',
  'SS',
  'İ',
  'i̇',
  '*',
  '?',
  '\\',
  'rundll32.exe',
  ' -enc ',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 5 }).map((parts) => parts.join(''));
const literal = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 2 })
  .map((parts) => parts.join('').toLowerCase())
  .filter((value) => value.length > 0);
const value = fc.oneof(text, fc.array(text, { maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null));
const gate = fc.record({
  fields: fc.array(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 4 }),
  values: fc.array(literal, { minLength: 1, maxLength: 30 }),
});

/** An event as JSON gives it, with some of the fields set. */
function eventOf(entries: readonly (readonly [string, unknown])[]): SecurityEvent {
  const event: Record<string, unknown> = {};
  for (const [path, set] of entries) {
    const steps = path.split('.');
    let into = event;
    for (const step of steps.slice(0, -1)) into = (into[step] ??= {}) as Record<string, unknown>;
    if (typeof into === 'object') into[steps.at(-1) as string] = set;
  }
  return JSON.parse(JSON.stringify(event)) as SecurityEvent;
}

/** The plain reading of a gate: some field of the event holds one of the literals, ignoring case. */
function opens(gates: readonly LiteralGate[], event: SecurityEvent): boolean {
  return gates.some((one) =>
    one.fields.some((field) => {
      const found = compileFieldGetter(field)(event);
      const texts = Array.isArray(found) ? found : [found];
      return texts.some(
        (element) =>
          (typeof element === 'string' || typeof element === 'number' || typeof element === 'boolean') &&
          one.values.some((wanted) => String(element).toLowerCase().includes(wanted)),
      );
    }),
  );
}

describe('LiteralGates', () => {
  it('opens exactly the owners a field-by-field reading of their gates opens', () => {
    const owners = fc.array(fc.array(gate, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 });
    const events = fc.array(
      fc.array(fc.tuple(fc.constantFrom(...FIELDS.slice(0, -2)), value), { maxLength: 8 }).map(eventOf),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(owners, events, (gatesOf, docs) => {
        const gates = new LiteralGates<{ openFor: number; n: number }>();
        const entries = gatesOf.map((_, n) => ({ openFor: -1, n }));
        gatesOf.forEach((one, n) => gates.add(one, entries[n] as { openFor: number; n: number }));
        docs.forEach((doc, number) => {
          const opened: number[] = [];
          gates.forEachOpen(doc, number, (owner) => opened.push(owner.n));
          expect(opened.sort((a, b) => a - b)).toEqual(
            gatesOf.flatMap((one, n) => (opens(one, doc) ? [n] : [])),
          );
        });
      }),
      { numRuns: 300 },
    );
  });

  it('opens the same owners while texts stop repeating and start again (its memory turned off and on)', () => {
    const literals = Array.from({ length: 40 }, (_, n) => `tool${n}.exe`);
    const gatesOf: LiteralGate[][] = literals.map((one, n) => [
      { fields: ['winlog.event_data.CommandLine', 'CommandLine'], values: [one, `-x${n % 7} `] },
    ]);
    const gates = new LiteralGates<{ openFor: number; n: number }>();
    gatesOf.forEach((one, n) => gates.add(one, { openFor: -1, n }));
    // Unique command lines for a while (misses), then a few repeated ones (hits), then unique again.
    const commandLine = (i: number): string =>
      i < 3000 || i > 30_000 ? `C:\\TOOL${i % 53}.EXE -X${i % 11} run-${i}` : `tool${i % 5}.exe -x${i % 3} `;
    for (let i = 0; i < 40_000; i++) {
      const doc = eventOf([[i % 2 === 0 ? 'winlog.event_data.CommandLine' : 'CommandLine', commandLine(i)]]);
      const opened: number[] = [];
      gates.forEachOpen(doc, i, (owner) => opened.push(owner.n));
      const expected = gatesOf.flatMap((one, n) => (opens(one, doc) ? [n] : []));
      if (opened.sort((a, b) => a - b).join() !== expected.join()) expect(opened).toEqual(expected);
    }
  });
});
