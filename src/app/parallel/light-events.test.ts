import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { compileFieldGetter, evidenceOf, isObject } from '../../core/index.ts';
import { decodeSnapshot, encodeSnapshot } from '../../detection/index.ts';
import { findParser, isSlimEvent, parseLinesAt } from '../../parsers/index.ts';
import { loadRulesFromText } from '../../rules/index.ts';
import type { Rule } from '../../rules/index.ts';
import { createRangeParser } from './chunk-parser.ts';
import { lightDecoder } from './decode-light-events.ts';
import { LightColumnWriter } from './light-columns.ts';
import { readLocatedLineBatches } from '../../sources/index.ts';
import { fieldsToKeep, LightEvent, wholeEvent, withWholeSamples } from './light-events.ts';
import { parseRange } from './parse-range.ts';
import { restoreSavedLines } from '../restore-saved-lines.ts';
import { LineReader } from './read-range-lines.ts';

const RULES = `
- id: spray
  title: Spray
  type: cardinality
  where:
    event.code: 4625
  unless:
    - user.name|endswith: $
    - source.ip|cidr: 10.0.0.0/8
  group_by: [source.ip]
  distinct: user.name
  threshold: 5
  window: 10m
  severity: high
  confidence: medium
- id: steps
  title: Steps
  type: sequence
  steps:
    - where: { event.outcome: failure }
    - where: { event.outcome: success, host|exists: true, event.category: authentication }
  group_by: [user.name]
  within: 5m
  severity: high
  confidence: medium
`;

function rules(text = RULES): Rule[] {
  const loaded = loadRulesFromText(text, 'test.yml');
  expect(loaded.issues).toEqual([]);
  return loaded.rules;
}

const folder = mkdtempSync(join(tmpdir(), 'klaxon-light-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const base = {
  '@timestamp': '2024-01-01T00:00:00.000Z',
  event: { code: '4625', outcome: 'failure', category: ['authentication'] },
  user: { name: 'alice', domain: 'CORP' },
  source: { ip: '203.0.113.9', port: 4242 },
  host: { name: 'dc01', os: { family: 'windows' } },
};

/** Documents with hostile values: what crosses between threads must come out the same. */
const documents: unknown[] = [
  base,
  { ...base, event: { ...base.event, original: 'kept from the shipper' } },
  { ...base, user: { name: 'ü😀\u2028'.repeat(50_000) }, source: { ip: '10.1.2.3' } },
  { ...base, user: { name: '\ud800 lone' }, event: { code: 4625, outcome: null, category: ['a', 'b'] } },
  { '@timestamp': '2024-01-01T00:00:01Z', event: 'not an object', host: -0 },
  { '@timestamp': '2024-01-01T00:00:02Z', host: 0, user: {}, source: { ip: ['1.2.3.4', 5] } },
  {
    '@timestamp': '2024-01-01T00:00:03Z',
    event: { category: [] },
    host: JSON.parse('{"__proto__":{"x":1}}'),
  },
  { '@timestamp': 'yesterday', 'user.name': 'dotted', event: { outcome: 'success' }, host: [true] },
  { ...base, '@timestamp': '2024-01-01T00:00:04Z' },
  '{"@timestamp":"2024-01-01T00:00:05Z","host":-0,"user":{"name":0}}',
  '{"@timestamp": garbled',
  '',
];

/** The documents as a worker parses them, decoded on the main thread; and as one thread parses them. */
function bothWays(
  format: string,
  ruleSet: Rule[],
): { light: SecurityEvent[]; whole: SecurityEvent[]; path: string } {
  const path = join(folder, `${format}-${ruleSet.length}.ndjson`);
  const lines = documents.map((document) =>
    typeof document === 'string' ? document : JSON.stringify(document),
  );
  writeFileSync(path, `${lines.join('\r\n')}\n`);
  const fields = fieldsToKeep(ruleSet) as string[];
  const writer = new LightColumnWriter(fields);
  const size = Buffer.byteLength(lines.join('\r\n')) + 1;
  const parser = createRangeParser(format, {}, fields);
  parseRange(path, { seq: 0, start: 0, end: size }, parser, 1024 * 1024, writer);
  const { columns } = structuredClone(writer.take());
  const light: SecurityEvent[] = [];
  const decode = lightDecoder(fields, { lines: new LineReader(path), format });
  // In two parts, as batches are decoded.
  decode(columns, 0, 3, light);
  decode(columns, 3, columns.starts.length, light);
  const whole: SecurityEvent[] = [];
  const wholeParser = createRangeParser(format, {}, undefined);
  for (const line of lines) wholeParser.parseLine(line, (event) => whole.push(event));
  return { light, whole, path };
}

/** The file's events as one thread parses a plain file: slim events that keep where their line is. */
async function locatedEvents(format: string, path: string, fields: string[]): Promise<SecurityEvent[]> {
  const lines = new LineReader(path);
  const parser = findParser(format)?.createSelective?.({}, fields, lines);
  if (parser === undefined) throw new Error(`${format} has no selective parser`);
  const events: SecurityEvent[] = [];
  // Twice: the second time round, the shapes are learnt.
  for (const round of [0, 1])
    for await (const batch of readLocatedLineBatches(path)) {
      const parsed = parseLinesAt(parser, batch.lines, batch.starts, batch.bytes);
      if (round === 1) events.push(...parsed.events);
    }
  return events;
}

describe('fieldsToKeep', () => {
  it('lists what the conditions, steps, group keys and distinct fields read, and the time', () => {
    expect(fieldsToKeep(rules())).toEqual([
      '@timestamp',
      'event.category',
      'event.code',
      'event.outcome',
      'host',
      'source.ip',
      'user.name',
    ]);
  });

  it('keeps event.original whole when a rule reads it or a field under it', () => {
    const reads = rules(RULES.replace('user.name|endswith: $', 'event.original.x|exists: true'));
    expect(fieldsToKeep(reads)).toContain('event.original');
  });

  it('keeps whole events when a rule does not say what it reads', () => {
    const [first, ...rest] = rules();
    const { reads: _, ...unknown } = first as Rule;
    expect(fieldsToKeep([unknown as Rule, ...rest])).toBeUndefined();
  });
});

function placeValue(target: Record<string, unknown>, field: string, value: unknown): void {
  if (value === undefined) return;
  const steps = field.split('.');
  let node = target;
  for (const step of steps.slice(0, -1)) {
    if (!isObject(node[step])) node[step] = {};
    node = node[step] as Record<string, unknown>;
  }
  node[steps.at(-1) as string] = value;
}

describe.each(['ndjson', 'windows'])('light events of %s documents, sent as columns', (format) => {
  const { light, whole, path } = bothWays(format, rules());
  const fields = fieldsToKeep(rules()) as string[];

  it('carry the values every kept field has in the whole event, and every rule judges them alike', () => {
    expect(light.length).toBe(whole.length);
    light.forEach((event, i) => {
      const full = whole[i] as SecurityEvent;
      for (const field of fields) {
        const read = compileFieldGetter(field);
        expect(read(event), `${field} of event ${i}`).toStrictEqual(read(full));
      }
      expect(event.event?.original, `event.original of event ${i}`).toBe(full.event?.original);
      for (const rule of rules())
        expect(rule.matches(event), `${rule.id} on event ${i}`).toBe(rule.matches(full));
    });
  });

  it('become the whole event again as evidence (and in snapshots), the same object each time', () => {
    light.forEach((event, i) => {
      const samples = withWholeSamples({ samples: [event] } as never).samples;
      expect(samples[0]).toStrictEqual(whole[i]);
      expect(wholeEvent(event)).toBe(samples[0]);
      expect(JSON.parse(JSON.stringify(event))).toStrictEqual(JSON.parse(JSON.stringify(whole[i])));
    });
  });

  it('saved compactly in an engine snapshot (fields, format, line or where it is), are judged alike and become whole again', async () => {
    // Slim events of the main thread too: the second time round, the shapes are learnt.
    const slim: SecurityEvent[] = [];
    const parser = createRangeParser(format, {}, fields);
    for (const round of [0, 1])
      for (const document of documents) {
        const line = typeof document === 'string' ? document : JSON.stringify(document);
        parser.parseLine(line, (event) => void (round === 1 && slim.push(event)));
      }
    expect(slim.filter(isSlimEvent).length).toBeGreaterThan(5);
    const located = await locatedEvents(format, path, fields);
    expect(located.length).toBe(whole.length);
    // What the engine keeps as evidence: stand-ins by where their line is (see evidenceOf).
    const standIns = [...light, ...located].map(evidenceOf);
    expect(standIns.filter((event, i) => event !== [...light, ...located][i]).length).toBeGreaterThan(10);
    for (const [kind, events] of [
      ['light', light],
      ['slim', slim],
      ['located slim', located],
      ['light stand-in', standIns.slice(0, light.length)],
      ['located stand-in', standIns.slice(light.length)],
    ] as const)
      events.forEach((event, i) => {
        const full = whole[i] as SecurityEvent;
        const text = encodeSnapshot({ kept: [event] });
        // An event read from the file saves where its line is, not the line (read back on resume).
        if (kind !== 'slim') {
          expect(text, `${kind} ${i}`).toContain('"|lineAt"');
          expect(text, `${kind} ${i}`).not.toContain('"|line"');
        }
        const again = restoreSavedLines(text, [path]);
        const restored = (decodeSnapshot(again) as { kept: SecurityEvent[] }).kept[0] as SecurityEvent;
        if (kind !== 'slim' || isSlimEvent(event)) {
          expect(restored['|format' as keyof SecurityEvent], `${kind} ${i}`).toBe(format);
          // Not parsed whole to be saved: a field no rule reads is not in it.
          if (isObject(full.user) && full.user.domain !== undefined)
            expect(
              isObject(restored.user) ? restored.user.domain : undefined,
              `${kind} ${i}`,
            ).toBeUndefined();
        }
        expect(restored.event?.original, `${kind} ${i}`).toBe(full.event?.original);
        // A stand-in holds only the time and event.original: rules never judge it.
        if (!kind.endsWith('stand-in'))
          for (const rule of rules())
            expect(rule.matches(restored), `${rule.id} on ${kind} ${i}`).toBe(rule.matches(full));
        expect(wholeEvent(restored), `${kind} ${i}`).toStrictEqual(full);
      });
  });

  it('of the previous version, saved in an unfinished replay checkpoint, become whole too', () => {
    const parser = createRangeParser(format, {}, undefined);
    let compared = 0;
    for (const document of documents) {
      const line = typeof document === 'string' ? document : JSON.stringify(document);
      let full: SecurityEvent | undefined;
      parser.parseLine(line, (event) => (full ??= event));
      if (full === undefined) continue;
      // As the previous version saved them: the kept fields, the format, and the line unless
      // event.original is the line.
      const saved: Record<string, unknown> = { '|format': format };
      for (const field of fields) placeValue(saved, field, compileFieldGetter(field)(full));
      placeValue(saved, 'event.original', full.event?.original);
      if (full.event?.original !== line) saved['|line'] = line;
      expect(wholeEvent(decodeSnapshot(JSON.stringify(saved)) as SecurityEvent)).toStrictEqual(full);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('keep a field named __proto__ as a field, not as the prototype', () => {
    const odd = light.find((event) => isObject(event.host) && Object.hasOwn(event.host, '__proto__'));
    if (!odd) throw new Error('no event with a __proto__ field');
    expect(Object.getPrototypeOf(odd.host)).toBe(Object.prototype);
    expect((odd.host as Record<string, unknown>)['__proto__']).toEqual({ x: 1 });
  });
});

describe('light event columns', () => {
  it('send each distinct value of a range once', () => {
    const writer = new LightColumnWriter(['user.name', 'event.category']);
    const line = '{}';
    for (let i = 0; i < 100; i++)
      writer.add({ '@timestamp': '', user: { name: `u${i % 3}` }, event: { category: ['x'] } }, line, 0, 2);
    const { columns } = writer.take();
    expect(columns.values).toEqual(['u0', ['x'], 'u1', 'u2']);
    // A (column, cell) pair per field each event has: `event.original` it has not.
    expect(columns.cells.length).toBe(400);
    expect([...columns.ends.slice(0, 2)]).toEqual([4, 8]);
  });

  it('share lists of one string by that string, apart from the string itself and from longer lists', () => {
    const writer = new LightColumnWriter(['event.category']);
    const categories: unknown[] = [
      ['x'],
      'x',
      ['x'],
      ['["x"]'],
      ['x', 'y'],
      '["x"]',
      [''],
      [],
      ['x'],
      ['x', 'y'],
      [1],
    ];
    for (const category of categories)
      writer.add({ '@timestamp': '', event: { category } } as unknown as SecurityEvent, '{}', 0, 2);
    const { values, cells } = structuredClone(writer.take().columns);
    expect(categories.map((_, i) => values[(cells[i * 2 + 1] as number) - 1])).toEqual(categories);
    expect(values).toHaveLength(8);
  });

  it('stop looking up the values of a field that rarely repeat, and keep every value right', () => {
    const writer = new LightColumnWriter(['@timestamp', 'user.name']);
    const time = (i: number) => new Date(Date.UTC(2024, 0, 1) + i).toISOString();
    for (let i = 0; i < 2000; i++)
      writer.add({ '@timestamp': time(i), event: {}, user: { name: `u${i % 3}` } }, '{}', 0, 2);
    const { values, cells } = writer.take().columns;
    expect(values.filter((value) => value === 'u1')).toHaveLength(1);
    for (let i = 0; i < 2000; i++) {
      expect(values[(cells[i * 4 + 1] as number) - 1]).toBe(time(i));
      expect(values[(cells[i * 4 + 3] as number) - 1]).toBe(`u${i % 3}`);
    }
  });

  it('leave events that are already whole as they are', () => {
    const event = { '@timestamp': '2024-01-01T00:00:00Z' } as SecurityEvent;
    expect(wholeEvent(event)).toBe(event);
    expect(event instanceof LightEvent).toBe(false);
  });

  it('leave a whole event named like a saved one as it is, after a snapshot too: its fields choose no evidence', () => {
    const line = '{"@timestamp":"2024-01-01T00:00:00Z","user":{"name":"someone-else"}}';
    const hostile = {
      '@timestamp': '2024-01-01T00:00:00Z',
      event: { code: '4625' },
      '|format': 'ndjson',
      '|line': line,
    } as SecurityEvent;
    expect(wholeEvent(hostile)).toBe(hostile);
    const restored = (decodeSnapshot(encodeSnapshot({ kept: [hostile] })) as { kept: SecurityEvent[] })
      .kept[0];
    expect(wholeEvent(restored as SecurityEvent)).toBe(restored);
    expect(restored).toEqual(hostile);
  });
});
