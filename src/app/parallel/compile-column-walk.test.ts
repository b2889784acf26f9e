import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetUrl } from '../../../test/support/datasets.ts';
import { findParser } from '../../parsers/index.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { loadRules } from '../load-rules.ts';
import { compileColumnWalk, loopWalk } from './compile-column-walk.ts';
import type { ColumnStep } from './light-column-tree.ts';
import { buildColumnTree } from './light-column-tree.ts';
import { fieldsToKeep } from './light-events.ts';

const DATASET = datasetUrl('windows/evtx-to-mitre-attack/jsonl/');

/** The walk as a loop over the steps (LightColumnWriter's before it was compiled): the reference. */
function referenceWalk(node: Record<string, unknown>, steps: ColumnStep[], into: unknown[][]): void {
  loopWalk(node, steps, { field: (column, value) => into.push([column, value]) });
}

function compiledWalk(event: Record<string, unknown>, steps: ColumnStep[]): unknown[][] {
  const found: unknown[][] = [];
  compileColumnWalk(steps)(event, { field: (column, value) => found.push([column, value]) });
  return found;
}

function windowsEvents(): SecurityEvent[] {
  const parser = findParser('windows')?.create({});
  const events: SecurityEvent[] = [];
  for (const file of readdirSync(DATASET).filter((name) => name.endsWith('.jsonl')))
    for (const line of readFileSync(new URL(file, DATASET), 'utf8').split('\n'))
      if (line !== '') parser?.parseLine(line, (event) => events.push(event));
  return events;
}

const own = (key: string, value: unknown) =>
  Object.defineProperty({}, key, { value, enumerable: true, writable: true, configurable: true });

/** Objects whose fields a plain read gets wrong: inherited names, `__proto__`, scalars on the way. */
const HOSTILE: Record<string, unknown>[] = [
  { event: 'scalar', user: null, host: [], source: { ip: undefined } },
  { event: { constructor: 'own', toString: undefined }, user: { name: { nested: 1 } } },
  { event: {}, 'event.code': 'dotted', constructor: { name: 'x' }, toJSON: 'j' },
  own('__proto__', { polluted: true }),
  { user: own('__proto__', 'p'), source: Object.create({ ip: 'inherited' }) as object },
  { '@timestamp': -0, event: { code: Number.NaN, category: ['a', 'b'], outcome: false } },
  { '@timestamp': null, event: { code: null, outcome: '' }, user: { name: 0 } },
];
const HOSTILE_FIELDS = [
  '@timestamp',
  'constructor.name',
  'event.code',
  'event.constructor',
  'event.toString',
  'event.category',
  'event.outcome',
  '__proto__.polluted',
  'user.__proto__',
  'user.name',
  'source.ip',
  'toJSON',
];

describe('compileColumnWalk', () => {
  it('reads the fields the step loop reads, in its order, from real Windows events (shipped pack)', async () => {
    const fields = fieldsToKeep(await loadRules(undefined)) as string[];
    const { steps } = buildColumnTree(fields);
    const events = windowsEvents();
    expect(events.length).toBeGreaterThan(100);
    let cells = 0;
    for (const event of events) {
      const expected: unknown[][] = [];
      referenceWalk(event as Record<string, unknown>, steps, expected);
      expect(compiledWalk(event as Record<string, unknown>, steps)).toStrictEqual(expected);
      cells += expected.length;
    }
    expect(cells).toBeGreaterThan(events.length * 3);
  });

  it('reads the same from hostile objects: inherited names, __proto__, scalars and arrays on the way', () => {
    const { steps } = buildColumnTree(HOSTILE_FIELDS);
    for (const event of HOSTILE) {
      const expected: unknown[][] = [];
      referenceWalk(event, steps, expected);
      expect(compiledWalk(event, steps)).toStrictEqual(expected);
    }
    const found = HOSTILE.map((event) => compiledWalk(event, steps).length);
    expect(found.filter((count) => count > 0).length).toBeGreaterThan(3);
  });
});
