import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFieldGetter } from '../core/index.ts';
import { ManyFields } from './many-fields.ts';

// Names that trip property reads: inherited ones, array ones, empty, case and unicode look-alikes.
const NAMES = [
  'winlog',
  'event_data',
  'Image',
  'image',
  'CommandLine',
  'process',
  '__proto__',
  'constructor',
  'toString',
  'toJSON',
  'hasOwnProperty',
  'length',
  '0',
  '',
  'K',
  '\u212a',
  'ß',
  'SS',
];
const name = fc.constantFrom(...NAMES);

const own = (into: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(into, key, { value, enumerable: true, writable: true, configurable: true });
};

/** Plain, prototype-less and inheriting objects, arrays and leaves, nested a few levels. */
const tree = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.boolean()),
    fc
      .tuple(
        fc.array(fc.tuple(name, tie('node')), { maxLength: 8 }),
        fc.constantFrom('plain', 'null', 'inherits', 'class'),
      )
      .map(([entries, kind]) => {
        const proto =
          kind === 'plain'
            ? Object.prototype
            : kind === 'null'
              ? null
              : kind === 'inherits'
                ? { Image: 'inherited', event_data: { Image: 'deep' } }
                : SLIM_PROTOTYPE;
        const made = Object.create(proto) as Record<string, unknown>;
        for (const [key, value] of entries) own(made, key, value);
        return made;
      }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
}));

/** Fields a light event's class gives: inherited, not enumerable. */
const SLIM_PROTOTYPE: object = Object.defineProperties(
  {},
  {
    Image: { value: 'from class', enumerable: false },
    winlog: { value: { event_data: { Image: 'class deep' } }, enumerable: false },
  },
);

const path = fc.array(name, { minLength: 1, maxLength: 4 }).map((steps) => steps.join('.'));
/** Every name at the top, under `winlog` and `winlog.event_data`: objects many paths end in. */
const MANY = NAMES.flatMap((one) => [one, `winlog.${one}`, `winlog.event_data.${one}`]);

describe('ManyFields', () => {
  it('reads every path as its own getter does, whatever the event', () => {
    fc.assert(
      fc.property(
        fc.array(path, { maxLength: 40 }),
        fc.boolean(),
        fc.array(tree.node, { maxLength: 4 }),
        (some, many, docs) => {
          const paths = many ? [...some, ...MANY] : some;
          const reader = new ManyFields(paths);
          const getters = paths.map(compileFieldGetter);
          const values: unknown[] = [];
          for (const doc of docs) {
            reader.readAll(doc, values);
            expect(values).toEqual(getters.map((read) => read(doc)));
            for (let i = 0; i < paths.length; i++) expect(Object.is(values[i], getters[i]?.(doc))).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('finds fields under a parent that many paths share, in JSON events as parsed', () => {
    const fields = ['Image', 'User', 'CommandLine', 'ParentImage', 'Hashes', 'OriginalFileName', 'Company'];
    const paths = [
      ...fields.flatMap((field) => [`winlog.event_data.${field}`, `winlog.user_data.${field}`, field]),
      'process.command_line',
    ];
    const doc: unknown = JSON.parse(
      '{"winlog":{"event_data":{"Image":"C:\\\\a.exe","User":"u","__proto__":"p","Hashes":["x"]}},' +
        '"Image":"top","process":{"command_line":"cmd"}}',
    );
    const values: unknown[] = [];
    new ManyFields(paths).readAll(doc, values);
    expect(values).toEqual(paths.map((one) => compileFieldGetter(one)(doc)));
    expect(values.filter((value) => value !== undefined)).toEqual(['C:\\a.exe', 'top', 'u', ['x'], 'cmd']);
  });
});
