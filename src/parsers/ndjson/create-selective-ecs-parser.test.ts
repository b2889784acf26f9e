import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { isSlimEvent, materializeEvent } from '../slim-event.ts';
import { createEcsLineParser } from './create-ecs-line-parser.ts';
import { createSelectiveEcsParser } from './create-selective-ecs-parser.ts';

function parseAll(parser: ReturnType<typeof createEcsLineParser>, lines: string[]) {
  const events: SecurityEvent[] = [];
  const skipped: (string | null)[] = lines.map((line) =>
    parser.parseLine(line, (event) => events.push(event)),
  );
  return { events, skipped };
}

const doc = (user: string, ip: string, extra = '') =>
  `{"@timestamp":"2026-03-02T10:00:0${user.length % 10}.000Z","event":{"code":"4625","kind":"event"},` +
  `"host":{"name":"h1","ip":["10.0.0.1"]},"user":{"name":"${user}","id":"S-1"},"source":{"ip":"${ip}","port":51234}${extra}}`;

describe('createSelectiveEcsParser', () => {
  it('builds slim events with the selected fields only, and the whole event again from the line', () => {
    const parser = createSelectiveEcsParser({ fields: ['user.name', 'source', 'event.code'] });
    const lines = [
      doc('ann', '192.0.2.1'),
      doc('bob', '192.0.2.2'),
      doc('c\\u00e9line \\"x\\"', '192.0.2.3'),
    ];
    const { events, skipped } = parseAll(parser, lines);
    expect(skipped).toEqual([null, null, null]);
    expect(events.map(isSlimEvent)).toEqual([false, true, true]);
    const slim = events[2] as SecurityEvent;
    // structuredClone: the fields themselves (printing a slim event would show it whole).
    expect(structuredClone(slim)).toEqual({
      '@timestamp': '2026-03-02T10:00:07.000Z',
      event: { code: '4625', original: lines[2] },
      user: { name: 'céline "x"' },
      source: { ip: '192.0.2.3', port: 51234 },
    });
    const whole = parseAll(createEcsLineParser(), lines).events;
    expect(events.map((event) => materializeEvent(event))).toEqual(whole);
    expect(JSON.parse(JSON.stringify(slim))).toEqual(whole[2]);
  });

  it('keeps the last of repeated keys, and a `__proto__` key as a field, as JSON.parse does', () => {
    const parser = createSelectiveEcsParser({ fields: ['user.name', '__proto__.x'] });
    const line = (name: string) =>
      doc('first', '192.0.2.1', `,"user":{"name":"${name}"},"__proto__":{"x":1}`);
    const { events } = parseAll(parser, [line('a'), line('b')]);
    const slim = events[1] as SecurityEvent;
    expect(isSlimEvent(slim)).toBe(true);
    expect(structuredClone(slim.user)).toEqual({ name: 'b' });
    expect(Object.getOwnPropertyDescriptor(slim, '__proto__')?.value).toEqual({ x: 1 });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reads a line of another shape, or one no JSON, as the whole parser does', () => {
    const parser = createSelectiveEcsParser({ fields: ['user.name'] });
    const lines = [
      doc('ann', '192.0.2.1'),
      doc('bob', '192.0.2.2', ',"extra":true'),
      doc('bob', '192.0.2.2').replace('51234', '0512'),
      doc('bob', '192.0.2.2').replace('"bob"', '"b\u0007b"'),
      doc('bob', '192.0.2.2').replace('"bob"', '"b\\qb"'),
      doc('bob', '192.0.2.2').replace('10:00:03', '10:00:99'),
      doc('x'.repeat(1024 * 1024), '192.0.2.2'),
      '{"a":'.repeat(70) + '1' + '}'.repeat(70),
    ];
    const selective = parseAll(parser, lines);
    const whole = parseAll(createEcsLineParser(), lines);
    expect(selective.skipped).toEqual(whole.skipped);
    expect(selective.skipped.slice(2)).toEqual([
      'invalid-json',
      'invalid-json',
      'invalid-json',
      'invalid-timestamp',
      'too-long',
      'too-deep',
    ]);
    expect(selective.events.map((event) => event.user)).toEqual(whole.events.map((event) => event.user));
  });

  it('reads search hits selectively from their `_source`, as the whole parser unwraps them', () => {
    const hit = (document: string, envelope: string) => `{${envelope},"_source":${document},"sort":[1]}`;
    const envelopes = ['"_index":"winlogbeat-1","_id":"a1","_score":null', '"_index":"w","_id":"a\\"2"'];
    // Each kind twice, with other values: the first of a shape is read whole and learnt.
    const lines = [
      ...envelopes.map((envelope) => hit(doc('ann', '192.0.2.1'), envelope)),
      ...envelopes.map((envelope) => hit(doc('b\\u00e9b', '192.0.2.2'), envelope)),
      ...['dan', 'don'].map((user) =>
        hit(doc(user, '192.0.2.4', ',"event":{"original":"as sent"}'), '"_id":"a4"'),
      ),
      // Spaces after the colons (Python's json.dumps), and a hit without `_index`.
      ...['eve', 'eva'].map((user) => hit(doc(user, '192.0.2.5').replaceAll('":', '": '), '"_id": "a5"')),
      // `_source` no object, and a document whose first key begins with `_`: no hits to unwrap.
      ...['a6', 'a7'].map((id) => `{"_id":"${id}","_source":"text","@timestamp":"2026-03-02T10:00:00.000Z"}`),
      ...['fay', 'fox'].map((user) => `{"_level":1,${doc(user, '192.0.2.6').slice(1)}`),
    ];
    const whole = parseAll(createEcsLineParser(), lines);
    for (const fields of [
      ['user.name', 'source.ip', 'event.original'],
      ['klaxon.hit.id', 'user.name'],
    ]) {
      const selective = parseAll(createSelectiveEcsParser({ fields }), lines);
      expect(selective.skipped).toEqual(whole.skipped);
      expect(selective.events.map((event) => materializeEvent(event))).toEqual(whole.events);
      for (const field of fields) {
        const [parent, child] = field.split('.') as [keyof SecurityEvent, string];
        expect(selective.events.map((event) => (event[parent] as Record<string, unknown>)?.[child])).toEqual(
          whole.events.map((event) => (event[parent] as Record<string, unknown>)?.[child]),
        );
      }
      // Where a rule reads `klaxon.hit` (a hit's `_index` and `_id`), hits are read whole.
      const hits = fields[0] !== 'klaxon.hit.id';
      expect(selective.events.map(isSlimEvent)).toEqual([
        ...[false, false, hits, hits], // two envelopes, each learnt once
        ...[false, hits],
        ...[false, hits],
        ...[false, false],
        ...[false, true],
      ]);
    }
    expect(whole.events[1]?.klaxon).toEqual({ hit: { index: 'w', id: 'a"2' } });
    expect(whole.events[4]?.event.original).toBe('as sent');
  });
});
