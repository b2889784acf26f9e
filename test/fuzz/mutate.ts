import fc from 'fast-check';

/** One edit of a text; positions are taken modulo the text's length, so any edit fits any text. */
export type Mutation =
  | { kind: 'flip'; at: number; char: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

/** Any UTF-16 code unit: control characters, NUL, lone surrogates, the BOM and line separators included. */
export const anyChar: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('\ud800', '\udfff', '\ufeff', '\u2028', '\u0085', '\ufffd', '\x7f'),
);

export function mutation(fragments: fc.Arbitrary<string>): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('flip' as const), at, char: anyChar }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }), weight: 1 },
    {
      arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: fragments }),
      weight: 4,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('delete' as const),
        at,
        length: fc.integer({ min: 1, max: 40 }),
      }),
      weight: 1,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('repeat' as const),
        at,
        length: fc.integer({ min: 1, max: 30 }),
        times: fc.integer({ min: 2, max: 300 }),
      }),
      weight: 1,
    },
  );
}

export function applyMutation(text: string, edit: Mutation): string {
  const at = edit.at % (text.length + 1);
  switch (edit.kind) {
    case 'flip':
      return text.length === 0 ? edit.char : text.slice(0, at) + edit.char + text.slice(at + 1);
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + edit.length);
    case 'repeat':
      return text.slice(0, at) + text.slice(at, at + edit.length).repeat(edit.times) + text.slice(at);
  }
}

/** A seed (a real line or file) with zero to `maxEdits` edits: byte flips, truncation, hostile insertions. */
export function mutatedText(
  seeds: fc.Arbitrary<string>,
  fragments: fc.Arbitrary<string>,
  maxEdits = 4,
): fc.Arbitrary<string> {
  return fc
    .tuple(seeds, fc.array(mutation(fragments), { maxLength: maxEdits }))
    .map(([seed, edits]) => edits.reduce(applyMutation, seed));
}

/**
 * One to `most` mutated seeds, as the lines they make together: for parsers whose records span
 * lines, an edit that inserts a line end splits one.
 */
export function mutatedLines(
  seeds: fc.Arbitrary<string>,
  fragments: fc.Arbitrary<string>,
  most: number,
): fc.Arbitrary<string[]> {
  return fc
    .array(mutatedText(seeds, fragments), { minLength: 1, maxLength: most })
    .map((texts) => texts.join('\n').split('\n'));
}

/** UTF-8 bytes with flipped bytes: invalid sequences, overlong forms, stray continuation bytes. */
export function mutatedBytes(texts: fc.Arbitrary<string>): fc.Arbitrary<Buffer> {
  const edit = fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) });
  return fc.tuple(texts, fc.array(edit, { minLength: 1, maxLength: 6 })).map(([text, edits]) => {
    const bytes = Buffer.from(text, 'utf8');
    for (const { at, byte } of edits) if (bytes.length > 0) bytes[at % bytes.length] = byte;
    return bytes;
  });
}
