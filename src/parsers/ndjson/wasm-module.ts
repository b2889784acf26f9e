/**
 * A WebAssembly module from functions written in a small subset of the text format's plain
 * instructions (one per line or space-separated: `local.get at`, `i32.const 34`, `block` ...
 * `end`), of i32 parameters and result and i32 or v128 locals, over one imported memory `m.memory`. Enough for
 * the byte matcher (match-bytes.ts), no general assembler: an unknown word throws.
 */
export interface WasmFunction {
  name: string;
  params: string[];
  locals: string[];
  /** Instructions; `call NAME` calls a function of the module by its name. */
  body: string;
}

const OPCODES: Record<string, number> = {
  unreachable: 0x00,
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  br_if: 0x0d,
  return: 0x0f,
  call: 0x10,
  select: 0x1b,
  'local.get': 0x20,
  'local.set': 0x21,
  'local.tee': 0x22,
  'i32.load': 0x28,
  'i64.load': 0x29,
  'i32.load8_u': 0x2d,
  'i32.store': 0x36,
  'i32.store8': 0x3a,
  'i32.const': 0x41,
  'i32.eqz': 0x45,
  'i32.eq': 0x46,
  'i32.ne': 0x47,
  'i32.lt_u': 0x49,
  'i32.gt_u': 0x4b,
  'i32.le_u': 0x4d,
  'i32.ge_u': 0x4f,
  'i64.ne': 0x52,
  'i32.add': 0x6a,
  'i32.sub': 0x6b,
  'i32.mul': 0x6c,
  'i32.and': 0x71,
  'i32.or': 0x72,
  'i32.ctz': 0x68,
};
/** SIMD instructions: the 0xfd prefix, then their number. */
const SIMD: Record<string, number> = {
  'v128.load': 0x00,
  'i8x16.splat': 0x0f,
  'i8x16.eq': 0x23,
  'i8x16.lt_s': 0x25,
  'v128.or': 0x50,
  'v128.xor': 0x51,
  'v128.any_true': 0x53,
  'i8x16.bitmask': 0x64,
};
const MEMORY_OPS = new Set(['i32.load', 'i64.load', 'i32.load8_u', 'i32.store', 'i32.store8', 'v128.load']);
const BLOCKS = new Set(['block', 'loop', 'if']);
const I32 = 0x7f;
const V128 = 0x7b;
const VOID_BLOCK = 0x40;

/** The binary module exporting `functions` by name; the memory is imported as `m.memory`. */
export function wasmModule(functions: readonly WasmFunction[]): Uint8Array {
  const names = functions.map((fn) => fn.name);
  const types = functions.map((fn) => [
    0x60,
    ...unsigned(fn.params.length),
    ...fn.params.map(() => I32),
    1,
    I32,
  ]);
  const bodies = functions.map((fn) => functionBody(fn, names));
  const memoryImport = [1, ...name('m'), ...name('memory'), 0x02, 0x00, ...unsigned(1)];
  const exports = functions.flatMap((fn, index) => [...name(fn.name), 0x00, ...unsigned(index)]);
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, memoryImport),
    ...section(3, vector(functions.map((_, index) => unsigned(index)))),
    ...section(7, [...unsigned(functions.length), ...exports]),
    ...section(10, vector(bodies.map((body) => [...unsigned(body.length), ...body]))),
  ]);
}

function functionBody(fn: WasmFunction, functions: readonly string[]): number[] {
  // A local named `NAME:v128` holds a vector; the others an i32.
  const locals = [...fn.params, ...fn.locals.map((local) => local.replace(/:v128$/, ''))];
  const code: number[] = [...unsigned(fn.locals.length)];
  for (const local of fn.locals) code.push(1, local.endsWith(':v128') ? V128 : I32);
  // `;;` comments run to the end of their line.
  const words = fn.body
    .replace(/;;.*$/gm, '')
    .split(/\s+/)
    .filter((word) => word !== '');
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const opcode = OPCODES[word];
    const simd = SIMD[word];
    if (opcode !== undefined) code.push(opcode);
    else if (simd !== undefined) code.push(0xfd, ...unsigned(simd));
    else throw new Error(`${fn.name}: unknown instruction ${word}`);
    if (BLOCKS.has(word)) code.push(VOID_BLOCK);
    else if (MEMORY_OPS.has(word)) code.push(0, 0);
    else if (word.startsWith('local.')) code.push(...unsigned(indexOf(locals, words[++i], fn.name)));
    else if (word === 'call') code.push(...unsigned(indexOf(functions, words[++i], fn.name)));
    else if (word === 'br' || word === 'br_if') code.push(...unsigned(Number(words[++i])));
    else if (word === 'i32.const') code.push(...signed(Number(words[++i])));
  }
  code.push(OPCODES.end as number);
  return code;
}

function indexOf(list: readonly string[], word: string | undefined, where: string): number {
  const index = word === undefined ? -1 : list.indexOf(word);
  if (index === -1) throw new Error(`${where}: unknown name ${word}`);
  return index;
}

function section(id: number, content: number[]): number[] {
  return [id, ...unsigned(content.length), ...content];
}

function vector(items: number[][]): number[] {
  return [...unsigned(items.length), ...items.flat()];
}

function name(text: string): number[] {
  return [...unsigned(text.length), ...Buffer.from(text, 'utf8')];
}

function unsigned(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    const byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
    bytes.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return bytes;
}

function signed(value: number): number[] {
  if (!Number.isSafeInteger(value) || value < -(2 ** 31) || value >= 2 ** 31)
    throw new Error(`i32.const out of range: ${value}`);
  const bytes: number[] = [];
  let rest = value;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}
