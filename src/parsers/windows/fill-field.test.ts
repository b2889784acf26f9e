import { describe, expect, it } from 'vitest';
import { buildFieldTrie } from '../ndjson/field-trie.ts';
import { createSlimPrototype, createSlimRoot } from '../slim-event.ts';
import { fillPath, wouldFill } from './fill-field.ts';

const PATH = ['source', 'ip'];

/** Events holding each kind of value where source.ip is and on the way to it, and whether it may be filled. */
const EVENTS: [Record<string, unknown>, boolean][] = [
  [{}, true],
  [{ source: '10.0.0.1' }, false],
  [{ source: {} }, true],
  [{ source: { ip: '10.0.0.1' } }, false],
  [{ source: { ip: '-' } }, true],
  [{ source: { ip: '' } }, true],
  [{ source: { ip: null } }, true],
  [{ source: { ip: 0 } }, false],
  [{ source: { ip: '-', port: 22 } }, true],
];

function slim(fields: string[], from: Record<string, unknown>): Record<string, unknown> {
  const prototype = createSlimPrototype(() => ({}) as never, buildFieldTrie(fields), 'ndjson');
  return Object.assign(createSlimRoot(prototype, '{}'), structuredClone(from));
}

const CASES = [
  ...EVENTS.map(([event, fills]) => ['an event', event, fills] as const),
  ...EVENTS.map(([event, fills]) => ['a slim event keeping it', slim(['source.ip'], event), fills] as const),
  ...EVENTS.map(([event]) => ['a slim event without it', slim(['user.name'], event), false] as const),
];

describe('wouldFill', () => {
  it.each(CASES)('says whether source.ip of %s (%j) may be filled', (_, event, fills) => {
    expect(wouldFill(event, PATH)).toBe(fills);
  });

  it.each(CASES.filter(([, , fills]) => !fills))(
    'is false only where fillPath changes nothing: %s %j',
    (_, event) => {
      for (const value of [undefined, '10.0.0.2']) {
        const filled = Object.create(Object.getPrototypeOf(event) as object) as Record<string, unknown>;
        Object.assign(filled, structuredClone(fieldsOf(event)));
        fillPath(filled, PATH, value);
        expect(fieldsOf(filled)).toEqual(fieldsOf(event));
      }
    },
  );
});

/** The fields of an event (a slim event's line, a symbol, aside). */
function fieldsOf(event: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(event));
}
