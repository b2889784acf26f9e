import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetUrl } from '../../../test/support/datasets.ts';
import { WINDOWS_ENRICH_READS } from '../windows/selective-reads.ts';
import { compileBuilder, compileFiller } from './compile-builder.ts';
import type { FieldTrie } from './field-trie.ts';
import { buildFieldTrie } from './field-trie.ts';
import type { Plan } from './shape-recipe.ts';
import { compilePlan, fillObject } from './shape-recipe.ts';
import { ShapeBook } from './shape-book.ts';

const DATASET = datasetUrl('windows/evtx-to-mitre-attack/jsonl/');

function datasetLines(): string[] {
  const files = readdirSync(DATASET).filter((name) => name.endsWith('.jsonl'));
  return files.flatMap((file) => readFileSync(new URL(file, DATASET), 'utf8').split('\n')).filter(Boolean);
}

const deep = (levels: number) => `${'{"a":'.repeat(levels)}[1,{"b":"x"}]${'}'.repeat(levels)}`;

/** Lines whose keys and values a plain object literal or assignment would get wrong. */
const HOSTILE = [
  '{"__proto__":{"polluted":true},"a":{"__proto__":"s","constructor":"c","toString":1}}',
  '{"a":1,"b":2,"a":3,"__proto__":1,"__proto__":{"x":[]}}',
  '{"0":"zero","":"empty","10":[],"1":{"2":null},"x":-0,"y":1e400,"z":-1.5E-3}',
  '{"ü😀":{"s":"\\ud800","\u2028k\u2029":"\\"q\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9","k":"é😀"}}',
  '{"toJSON":"t","valueOf":{"hasOwnProperty":false},"arr":[[[]],{},[{"__proto__":null}]]}',
  `{"deep":${deep(30)},"shallow":${deep(3)}}`,
  `{"wide":{${Array.from({ length: 700 }, (_, i) => `"k${i}":${i}`).join(',')}}}`,
  '{"a":"x"}',
  '{"a":{}}',
  '{"a":[]}',
];

/** The fields of a line as a trie that keeps each of its top-level fields whole. */
function wholeTrie(line: string): FieldTrie {
  return buildFieldTrie(Object.keys(JSON.parse(line) as object).filter((key) => !key.includes('.')));
}

/**
 * Fills the object of `line` (learnt, then matched) twice: with its shape's compiled plan and
 * with the same plan filled entry by entry; undefined when the line is no learnable object.
 */
function bothWays(line: string, trie: FieldTrie): { compiled: unknown; plain: unknown } | undefined {
  const book = new ShapeBook(trie);
  book.learn(line);
  const shape = book.match(line);
  if (shape === undefined || shape.recipe.kind !== 'object') return undefined;
  const plain: Plan = compilePlan(shape.recipe.entries);
  return {
    compiled: fillObject({}, shape.plan as Plan, book.holes),
    plain: fillObject({}, plain, book.holes),
  };
}

/** How many of the top-level values of `line` its learnt shape builds by compiled code. */
function compiledParts(line: string): number {
  const book = new ShapeBook(wholeTrie(line));
  book.learn(line);
  const plan = book.match(line)?.plan;
  if (plan?.fill !== undefined) return plan.keys.length;
  return plan?.parts.filter((part) => part?.build !== undefined).length ?? 0;
}

/** Every own key in order (`__proto__` too) and every prototype, of a whole tree. */
function anatomy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return Object.is(value, -0) ? '-0' : value;
  const entries = Object.entries(value).map(([key, item]) => [key, anatomy(item)]);
  return { array: Array.isArray(value), proto: Object.getPrototypeOf(value) === null, entries };
}

describe('compileBuilder', () => {
  it('builds what fillObject fills, entry by entry, on every line of the Windows dataset', () => {
    const lines = datasetLines();
    expect(lines.length).toBeGreaterThan(100);
    const rules = buildFieldTrie(['@timestamp', 'event.original', 'user.name', ...WINDOWS_ENRICH_READS]);
    let compared = 0;
    for (const line of lines) {
      for (const trie of [rules, wholeTrie(line)]) {
        const built = bothWays(line, trie);
        if (built === undefined) continue;
        expect(anatomy(built.compiled)).toEqual(anatomy(built.plain));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(lines.length);
  });

  it('builds the same as JSON.parse and fillObject from hostile lines: keys, duplicates, depth, unicode', () => {
    for (const line of HOSTILE) {
      const built = bothWays(line, wholeTrie(line));
      expect(built, line).toBeDefined();
      // Lines with objects or arrays, none too deep or wide, are built by compiled code.
      if (/:[[{]/.test(line) && !/"(deep|wide)"/.test(line))
        expect(compiledParts(line), line).toBeGreaterThan(0);
      const { compiled, plain } = built as { compiled: unknown; plain: unknown };
      expect(anatomy(compiled), line).toEqual(anatomy(plain));
      expect(anatomy(compiled), line).toEqual(anatomy(JSON.parse(line)));
    }
  });

  it('compiles no recipe too deep or too wide, and writes no value of the line into its code', () => {
    const shapeOf = (line: string) => {
      const book = new ShapeBook(wholeTrie(line));
      book.learn(line);
      return book.match(line)?.recipe;
    };
    const build = (line: string) => {
      const recipe = shapeOf(line);
      return recipe && compileBuilder(recipe);
    };
    expect(build(`{"a":${deep(30)}}`)).toBeUndefined();
    expect(build(HOSTILE[6] as string)).toBeUndefined();
    const line = '{"a":{"k":"secret-value","n":12345},"__proto__":"p"}';
    const recipe = shapeOf(line);
    const entries = recipe?.kind === 'object' ? recipe.entries : [];
    for (const code of [build(line)?.toString(), compileFiller(entries)?.toString()]) {
      expect(code).toContain('"k"');
      expect(code).not.toContain('secret-value');
      expect(code).not.toContain('12345');
    }
  });
});
