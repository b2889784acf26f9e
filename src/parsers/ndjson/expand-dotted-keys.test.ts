import { describe, expect, it } from 'vitest';
import { checkJsonValue, getField, JSON_LIMITS } from '../../core/index.ts';
import { expandDottedKeys, MAX_KEY_STEPS, mayHaveDottedKey } from './expand-dotted-keys.ts';

const expand = (json: string) => expandDottedKeys(JSON.parse(json) as Record<string, unknown>);

describe('mayHaveDottedKey', () => {
  it('finds a dotted key at the top level and deep inside', () => {
    expect(mayHaveDottedKey('{"source.ip":"1.2.3.4"}')).toBe(true);
    expect(mayHaveDottedKey('{"winlog":{"event_data.TargetUserName":"bob"}}')).toBe(true);
    expect(mayHaveDottedKey('{"a" : {"b.c"  :  1}}')).toBe(true);
  });

  it('ignores dots in values: addresses, times, numbers, prose', () => {
    const line =
      '{"@timestamp":"2024-05-01T10:00:00.123Z","source":{"ip":"10.0.0.5"},"n":1.5,"message":"Bad password. Try again.","x":"a.b"}';
    expect(mayHaveDottedKey(line)).toBe(false);
  });

  it('ignores dots in escaped text such as raw XML', () => {
    expect(mayHaveDottedKey('{"original":"<Data Name=\\"host.name\\">fs01.lan</Data>"}')).toBe(false);
  });
});

describe('expandDottedKeys', () => {
  it('turns dotted keys into nested objects', () => {
    expect(expand('{"source.ip":"1.2.3.4","source.port":22,"user.name":"bob"}')).toEqual({
      source: { ip: '1.2.3.4', port: 22 },
      user: { name: 'bob' },
    });
  });

  it('merges dotted keys into nested objects of the same document', () => {
    expect(
      expand('{"source.ip":"1.2.3.4","source":{"port":22},"event":{"code":"4625"},"event.action":"x"}'),
    ).toEqual({
      source: { ip: '1.2.3.4', port: 22 },
      event: { code: '4625', action: 'x' },
    });
  });

  it('expands keys inside nested objects and arrays of objects', () => {
    expect(expand('{"winlog":{"event_data.Status":"0x18"},"threat":[{"technique.id":"T1110"}]}')).toEqual({
      winlog: { event_data: { Status: '0x18' } },
      threat: [{ technique: { id: 'T1110' } }],
    });
  });

  it('puts siblings listed apart into the same object', () => {
    expect(expand('{"a.b.x":1,"c.d":2,"a.b.y":3,"a.b":{"z":4},"a.e":5}')).toEqual({
      a: { b: { x: 1, y: 3, z: 4 }, e: 5 },
      c: { d: 2 },
    });
  });

  it('expands the same keys the same way in every document', () => {
    const line = '{"user.name":"a","source.ip":"1.2.3.4","source.port":1}';
    expect(expand(line)).toEqual(expand(line));
    expect(expand(line)).toEqual({ user: { name: 'a' }, source: { ip: '1.2.3.4', port: 1 } });
  });

  it('merges a dotted key holding an object with an existing object', () => {
    expect(expand('{"a":{"b":{"x":1}},"a.b":{"y":2}}')).toEqual({ a: { b: { x: 1, y: 2 } } });
  });

  it('keeps a dotted key as written when it collides with a scalar', () => {
    expect(expand('{"a":1,"a.b":2}')).toEqual({ a: 1, 'a.b': 2 });
    expect(expand('{"a":{"b":1},"a.b":2}')).toEqual({ a: { b: 1 }, 'a.b': 2 });
    expect(expand('{"a":{"b":{"c":1}},"a.b":{"c":2}}')).toEqual({ a: { b: { c: 1 } }, 'a.b.c': 2 });
  });

  it('keeps keys with empty steps as written', () => {
    expect(expand('{"a..b":1,".c":2,"d.":3}')).toEqual({ 'a..b': 1, '.c': 2, 'd.': 3 });
  });

  it('returns the same object when no key has a dot', () => {
    const doc = { a: { b: 1 }, c: [1, 2] };
    expect(expandDottedKeys(doc)).toBe(doc);
  });

  it('never touches Object.prototype through __proto__ or constructor keys', () => {
    const result = expand(
      '{"__proto__.polluted":1,"x.__proto__.polluted":2,"constructor.prototype.polluted":3}',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(result['__proto__.polluted']).toBe(1);
    expect(result.constructor).toEqual({ prototype: { polluted: 3 } });
  });

  it('keeps a key of more than MAX_KEY_STEPS steps as written, so one flat key cannot nest the event 50,000 deep (found by fuzzing)', () => {
    const deep = Array.from({ length: 50_000 }, () => 'a').join('.');
    const longest = Array.from({ length: MAX_KEY_STEPS }, () => 'b').join('.');
    const result = expand(JSON.stringify({ [deep]: 1, [longest]: 2, [`${longest}.c`]: 3 }));
    expect(result[deep]).toBe(1);
    expect(result[`${longest}.c`]).toBe(3);
    let depth = 0;
    for (let node: unknown = result.b; typeof node === 'object'; node = (node as { b?: unknown }).b) depth++;
    expect(depth).toBe(MAX_KEY_STEPS - 1);
    expect(() => JSON.stringify(result)).not.toThrow();
  });
});

describe('expandDottedKeys on hostile keys', () => {
  it('keeps a key of more than MAX_KEY_STEPS steps as written instead of nesting 100,000 deep', () => {
    const key = Array.from({ length: 100_000 }, () => 'a').join('.');
    const doc = expandDottedKeys({ [key]: 1, 'source.ip': '203.0.113.9' });
    expect(doc).toEqual({ [key]: 1, source: { ip: '203.0.113.9' } });
    expect(() => JSON.stringify(doc)).not.toThrow();
    const longest = Array.from({ length: MAX_KEY_STEPS }, (_, i) => `s${i}`).join('.');
    expect(getField(expandDottedKeys({ [longest]: 2 }), longest)).toBe(2);
  });

  it('builds nothing deeper than a walk can take from a document at the depth limit full of long keys', () => {
    const key = Array.from({ length: MAX_KEY_STEPS }, () => 'k').join('.');
    let text = '1';
    for (let i = 0; i < JSON_LIMITS.maxDepth; i++) text = `{"${key}":${text}}`;
    const doc = expandDottedKeys(JSON.parse(text) as Record<string, unknown>);
    expect(
      checkJsonValue(doc, { maxDepth: JSON_LIMITS.maxDepth * MAX_KEY_STEPS, maxLength: 1e9 }),
    ).toBeNull();
    expect(() => JSON.stringify(doc)).not.toThrow();
  });
});
