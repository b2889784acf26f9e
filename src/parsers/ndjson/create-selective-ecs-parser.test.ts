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
});
