import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { getField } from '../../core/index.ts';
import { isSlimEvent } from '../slim-event.ts';
import { createEcsLineParser } from './create-ecs-line-parser.ts';
import { createSelectiveEcsParser } from './create-selective-ecs-parser.ts';

const FIELDS = ['n', 'f', 's', 'deep.a.b', 'list'];

const doc = (n: string, s: string, extra = '') =>
  `{"@timestamp":"2026-03-02T10:00:00.000Z","n":${n},"f":1.5,"s":"${s}","list":[1,"x",true,null],` +
  `"deep":{"a":{"b":{"c":[{"d":1}]}}}${extra}}`;

function parseAll(parser: ReturnType<typeof createEcsLineParser>, lines: string[]) {
  const events: SecurityEvent[] = [];
  const skipped = lines.map((line) => parser.parseLine(line, (event) => events.push(event)));
  return { events, skipped };
}

/** Lines of one learnt shape (the first is read whole), then `lines`: read as JSON.parse reads them. */
function compare(lines: string[]): SecurityEvent[] {
  const input = [doc('1', 'a'), doc('2', 'b'), ...lines];
  const selective = parseAll(createSelectiveEcsParser({ fields: FIELDS }), input);
  const whole = parseAll(createEcsLineParser(), input);
  expect(selective.skipped).toEqual(whole.skipped);
  expect(selective.events).toHaveLength(whole.events.length);
  selective.events.forEach((event, i) => {
    for (const field of FIELDS) {
      // Object.is: -0 must stay -0.
      const expected = getField(whole.events[i], field);
      const got = getField(event, field);
      if (typeof expected === 'number')
        expect(Object.is(got, expected), `${field} of ${input[i]}`).toBe(true);
      else expect(got, `${field} of ${input[i]}`).toEqual(expected);
    }
  });
  return selective.events;
}

describe('the values of a learnt shape', () => {
  it('reads numbers as JSON.parse does: signs, fractions, exponents, more digits than a double holds', () => {
    const numbers = ['0', '-0', '7', '123456789012345', '1234567890123456', '9007199254740993'];
    numbers.push(
      '12345678901234567890123',
      '100000000000008660123',
      '-12',
      '1.25',
      '-2.5e3',
      '1E+2',
      '5e-324',
      '1e400',
    );
    const events = compare(numbers.map((n) => doc(n, 'x')));
    // All but the first, which taught the shape, were read selectively.
    expect(events.slice(1).every(isSlimEvent)).toBe(true);
  });

  it('reads strings with escapes, non-ASCII text and long values as JSON.parse does', () => {
    const strings = [
      '\\"quoted\\"',
      '\\\\',
      '\\u00e9t\\u00E9',
      'ünïcödé 日本',
      '\\ud83d\\ude00',
      '\\/\\b\\f\\n\\r\\t',
    ];
    strings.push('x'.repeat(100_000), '\\u0000');
    const events = compare(strings.map((s) => doc('3', s)));
    expect(events.slice(1).every(isSlimEvent)).toBe(true);
  });

  it('reads lines that only look like the shape (other types, nesting, repeated keys) whole or refuses them', () => {
    compare([
      doc('"3"', 'x'), // a string where a number was: another shape
      doc('3', 'x').replace('"f":1.5', '"f":{"g":1}'),
      doc('3', 'x').replace('"d":1', '"d":' + '['.repeat(80) + ']'.repeat(80)),
      doc('3', 'x', ',"n":4'), // the last of repeated keys wins
      doc('3', 'x', ',"s":{"t":1}'),
      doc('3', 'x', ',"__proto__":{"n":5}'),
      doc('3', 'x').replace('"s":"x"', '"s":"\\x"'),
      doc('3', 'x').replace('"s":"x"', '"s":"\u0001"'),
      doc('3', 'x').replace('"n":3', '"n":03'),
      doc('3', 'x').replace('"n":3', '"n":-'),
      doc('3', 'x').replace('"n":3', '"n":3.'),
      doc('3', 'x').replace('"n":3', '"n":+3'),
    ]);
  });
});
