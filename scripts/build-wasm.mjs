// Assembles the NDJSON byte matcher's WebAssembly text (src/parsers/ndjson/match-bytes.wat) with wabt
// into src/parsers/ndjson/match-bytes-wasm.ts, a committed module of its bytes: wabt is a
// devDependency, so nothing at run time assembles or imports it. match-bytes-wasm.test.ts assembles
// the text again and fails when the committed bytes are not what it gives.
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'parsers', 'ndjson');
export const SOURCE = join(folder, 'match-bytes.wat');
export const TARGET = join(folder, 'match-bytes-wasm.ts');

/** The binary module of match-bytes.wat; throws wabt's message (file, line, column) for bad text. */
export async function assembleMatchBytes() {
  const { default: wabtInit } = await import('wabt');
  const wabt = await wabtInit();
  const module = wabt.parseWat('match-bytes.wat', readFileSync(SOURCE, 'utf8'), { simd: true });
  try {
    module.resolveNames();
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

/** The text of match-bytes-wasm.ts for the module `bytes`. */
export function generatedModule(bytes) {
  return [
    '// Generated from match-bytes.wat by `npm run build:wasm` (scripts/build-wasm.mjs, wabt): do not edit.',
    '',
    '/** The byte matcher of match-bytes.ts: match-bytes.wat as a binary module, in base64. */',
    // As prettier writes it: the string is always longer than a line.
    'export const MATCH_BYTES_WASM =',
    `  '${Buffer.from(bytes).toString('base64')}';`,
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bytes = await assembleMatchBytes();
  writeFileSync(TARGET, generatedModule(bytes));
  process.stdout.write(`${TARGET}: ${bytes.length} bytes\n`);
}
