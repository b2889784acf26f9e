import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../test/support/datasets.ts';
import { defineOwnField } from '../../core/index.ts';
import { buildFieldTrie } from './field-trie.ts';
import type { ByteMatcher, ByteSpans } from './match-bytes.ts';
import { byteMatcher, lineArena } from './match-bytes.ts';
import { fillObject } from './shape-recipe.ts';
import { ShapeBook } from './shape-book.ts';

const TOP_FIELDS = ['@timestamp', 'event', 'winlog', 'user', 'source', 'host', 'n', 's', '__proto__'];

/** Two books fed the same lines, one matching their bytes, one their text. */
class BothBooks {
  readonly bytes = new ShapeBook(buildFieldTrie(TOP_FIELDS));
  readonly text = new ShapeBook(buildFieldTrie(TOP_FIELDS));

  /**
   * Matches `raw` (UTF-8, maybe invalid) both ways and checks they agree, and agree with
   * JSON.parse-then-select; learns the line when neither knows it and JSON.parse takes it.
   */
  check(raw: Buffer): void {
    const line = raw.toString('utf8');
    // Bytes around the line that a matcher reading past its end would take for more of it.
    const arena = lineArena(raw.length + 8) as Buffer;
    arena.fill('"1}"', 0);
    raw.copy(arena, 4);
    const byBytes = this.bytes.match(line, arena, 4, raw.length);
    const valuesByBytes = byBytes?.plan && fillObject({}, byBytes.plan, this.bytes.holes);
    const byText = this.text.match(line);
    const valuesByText = byText?.plan && fillObject({}, byText.plan, this.text.holes);
    expect(byBytes === undefined, line).toBe(byText === undefined);
    expect(valuesByBytes, line).toStrictEqual(valuesByText);
    const parsed = parsedObject(line);
    if (valuesByBytes !== undefined) expect(valuesByBytes, line).toStrictEqual(selected(parsed));
    else if (parsed !== undefined) {
      this.bytes.learn(line);
      this.text.learn(line);
    }
  }
}

/** A line's bytes in the matcher's memory, as ShapeBook.match takes them. */
function inArena(line: string): [Buffer, number, number] {
  const raw = Buffer.from(line, 'utf8');
  const arena = lineArena(raw.length) as Buffer;
  raw.copy(arena);
  return [arena, 0, raw.length];
}

function parsedObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function selected(parsed: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of TOP_FIELDS)
    if (parsed !== undefined && Object.hasOwn(parsed, key)) defineOwnField(out, key, parsed[key]);
  return out;
}

const windowsDir = join(DATASETS, 'windows/evtx-to-mitre-attack/jsonl');
const windowsLines = readdirSync(windowsDir)
  .filter((name) => name.endsWith('.jsonl'))
  .flatMap((name) => readFileSync(join(windowsDir, name), 'utf8').split('\n'))
  .filter((line) => line !== '');

/** Texts that are hard on a matcher, put into holes and between literals. */
const TRICKY = [
  '\\"',
  '\\\\',
  '\\/',
  '\\u00e9',
  '\\uD83D\\uDE00',
  '\\u12G4',
  '\\u12',
  '\\x',
  '\\',
  '"',
  '\t',
  '\u0000',
  '\u001f',
  '\tn',
  '\u0001"',
  '\u0000u0041',
  'é',
  '😀',
  '\u2028',
  '\uFFFD',
  '-',
  '0',
  '-0',
  '01',
  '1e5',
  '1E+2',
  '.5',
  '1.',
  'e',
  '}',
  ']',
  ',',
  ',"__proto__":{"x":1}',
  ',"event":{"code":"1"}',
  '{"a":[[[[[[1]]]]]]}',
  ' ',
];

/** Texts in place of a number. */
const NUMBERS = [
  ...['0', '-0', '7', '-7', '10', '1.5', '-0.25', '1e5', '1E+5', '2e-3', '-1.5E-10', '123456789012345678901'],
  ...[
    '1.',
    '1.e5',
    '1e',
    '1e+',
    '-',
    '--1',
    '01',
    '-01',
    '00',
    '.5',
    '+1',
    '1_0',
    '0x1f',
    'Infinity',
    'NaN',
    '',
  ],
  ...['1 ', ' 1', 'true', 'null', '"1"', '1,"n":2', '[1]'],
];

describe('ByteMatcher', () => {
  it('is there (WebAssembly)', () => {
    expect(byteMatcher()).toBeDefined();
  });

  it('matches every Windows dataset line as the text matcher and JSON.parse do', () => {
    expect(windowsLines.length).toBeGreaterThan(300);
    const books = new BothBooks();
    // Twice: the second pass meets refined patterns (values folded into the literals).
    for (const line of [...windowsLines, ...windowsLines]) books.check(Buffer.from(line, 'utf8'));
  });

  it('agrees with the text matcher and JSON.parse on damaged lines', () => {
    const seeds = [
      ...windowsLines.slice(0, 40),
      '{"@timestamp":"2024-01-01T00:00:00Z","n":-12.5e-3,"s":"x","event":{"code":"4625"}}',
    ];
    const books = new BothBooks();
    // Seen often enough for their values to be folded into long literals (refined patterns).
    for (let round = 0; round < 40; round++) for (const line of seeds) books.check(Buffer.from(line, 'utf8'));
    // Every text at every place of a short document...
    const short = seeds.at(-1) as string;
    for (let at = 0; at <= short.length; at++)
      for (const insert of TRICKY)
        books.check(Buffer.from(short.slice(0, at) + insert + short.slice(at), 'utf8'));
    // Every character of a real line changed in place (its long literals compared in blocks)...
    const real = seeds[0] as string;
    for (let at = 0; at < real.length; at++)
      for (const replacement of ['x', '"', '0'])
        if (real[at] !== replacement)
          books.check(Buffer.from(real.slice(0, at) + replacement + real.slice(at + 1), 'utf8'));
    // ...and at random places of real ones, replacing a few characters.
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(...TRICKY),
        fc.nat(3),
        (seed, where, insert, cut) => {
          const at = Math.floor(where * seed.length);
          books.check(Buffer.from(seed.slice(0, at) + insert + seed.slice(at + cut), 'utf8'));
        },
      ),
      { numRuns: 3000, seed: 13 },
    );
  });

  it('keeps agreeing once its tables were dropped for new ones, and uses spans again', () => {
    const matcher = byteMatcher() as ByteMatcher;
    const books = new BothBooks();
    for (const line of windowsLines.slice(0, 200)) books.check(Buffer.from(line, 'utf8'));
    const generation = matcher.generation;
    // Shapes with long keys: their tables fill the room, which is then emptied for new ones.
    const big = new ShapeBook(buildFieldTrie(['a']));
    for (let i = 0; i < 12; i++) {
      const text = `{"a${i}${'k'.repeat(300_000)}":"x","b":1}`;
      big.learn(text);
      expect(big.match(text, ...inArena(text))).toBeDefined();
    }
    expect(matcher.generation).toBeGreaterThan(generation);
    for (const line of windowsLines) books.check(Buffer.from(line, 'utf8'));
    const spans = matcher.spans(4096) as ByteSpans;
    matcher.release(spans);
    expect(matcher.spans(4096)?.address).toBe(spans.address);
  });

  it('agrees on every kind of value in a hole', () => {
    const doc = (n: string, s: string) => `{"@timestamp":"2024-01-01T00:00:00Z","n":${n},"s":"${s}","k":[1]}`;
    const books = new BothBooks();
    books.check(Buffer.from(doc('1', 'a'), 'utf8'));
    for (const n of NUMBERS) books.check(Buffer.from(doc(n, 'a'), 'utf8'));
    for (const s of [...TRICKY, ...NUMBERS]) books.check(Buffer.from(doc('1', s), 'utf8'));
  });

  it('agrees on lines holding bytes that are no UTF-8, and on truncated lines', () => {
    const books = new BothBooks();
    const seed = Buffer.from(windowsLines[0] as string, 'utf8');
    books.check(seed);
    for (let at = 0; at < seed.length; at += 7) {
      for (const bad of [[0xff], [0xc3], [0xe2, 0x82], [0x80, 0x80]])
        books.check(Buffer.concat([seed.subarray(0, at), Buffer.from(bad), seed.subarray(at)]));
      books.check(seed.subarray(0, at));
    }
  });
});
