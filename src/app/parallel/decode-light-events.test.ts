import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { evidenceOf, ownsItsText } from '../../core/index.ts';
import { lightDecoder } from './decode-light-events.ts';
import { LightColumnWriter } from './light-columns.ts';
import { LineReader } from './read-range-lines.ts';

/** Events written to columns with `fields` and decoded back, as they cross between threads. */
function roundTrip(fields: string[], events: unknown[]): SecurityEvent[] {
  const writer = new LightColumnWriter(fields);
  events.forEach((event, i) => writer.add(event as SecurityEvent, JSON.stringify(event), i * 100, 10));
  const { columns } = structuredClone(writer.take());
  const decoded: SecurityEvent[] = [];
  lightDecoder(fields, { lines: new LineReader('/nonexistent'), format: 'ndjson' })(
    columns,
    0,
    events.length,
    decoded,
  );
  return decoded;
}

describe('lightDecoder', () => {
  it('sets fields named __proto__ (a leaf or an object on the way) as own fields, never the prototype', () => {
    const event = JSON.parse(
      '{"@timestamp":"t","__proto__":{"y":1,"z":3},"x":{"__proto__":"leaf","w":2},"constructor":"c"}',
    ) as Record<string, unknown>;
    const [decoded] = roundTrip(['@timestamp', '__proto__.y', 'constructor', 'x.__proto__', 'x.w'], [event]);
    const got = decoded as unknown as Record<string, Record<string, unknown>>;
    expect(Object.hasOwn(got, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(got, '__proto__')?.value).toEqual({ y: 1 });
    expect(Object.getPrototypeOf(got.x)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(got.x, '__proto__')?.value).toBe('leaf');
    expect(got.x?.w).toBe(2);
    expect(Object.hasOwn(got, 'constructor') && got.constructor).toBe('c');
  });

  it('gives events the same fields, with keys V8 holds as property names, whatever they are called', () => {
    const names = ['a', 'δ', '0', '12', 'a b', 'toString', ''];
    const events = names.map((name) => ({ '@timestamp': 't', f: { [name]: name.length } }));
    const decoded = roundTrip(['@timestamp', ...names.map((name) => `f.${name}`)], events);
    decoded.forEach((event, i) => {
      expect({ ...(event as unknown as { f: object }).f }).toEqual({
        [names[i] as string]: (names[i] as string).length,
      });
    });
  });

  it('mark decoded events (and their stand-ins) as owning their text, and no other event', () => {
    const [decoded] = roundTrip(
      ['@timestamp', 'user.name'],
      [{ '@timestamp': 't', user: { name: 'a'.repeat(40) } }],
    );
    expect(ownsItsText(decoded as SecurityEvent)).toBe(true);
    expect(ownsItsText(evidenceOf(decoded as SecurityEvent))).toBe(true);
    expect(ownsItsText(JSON.parse('{"user":{"name":"x"}}') as object)).toBe(false);
    expect(ownsItsText({ ...decoded })).toBe(false);
  });
});
