import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './install-packed-cli.ts';

// dist/cli/code-cache.js (src/cli/code-cache.ts) requires CommonJS chunks with V8's code cache, as
// bin/klaxon.js requires the compiled CLI. Here it requires two small chunks of a folder of ours.
const CODE_CACHE = join(ROOT, 'dist', 'cli', 'code-cache.js');
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function setUp(): { chunks: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-code-cache-'));
  folders.push(dir);
  const chunks = join(dir, 'chunks');
  mkdirSync(chunks);
  writeFileSync(join(chunks, 'package.json'), '{"type":"commonjs"}');
  writeFileSync(
    join(chunks, 'main.js'),
    'const { square } = require("./square-abc.js");\nexports.main = (n) => `${square(n)} ${typeof require("node:path").join}`;\n',
  );
  writeFileSync(join(chunks, 'square-abc.js'), 'exports.square = (n) => n * n;\n');
  return { chunks, cache: join(dir, 'cache') };
}

function run(chunks: string, cacheDir: string): string {
  const script = `const { main } = require(${JSON.stringify(CODE_CACHE)}).requireCompiled(${JSON.stringify(join(chunks, 'main.js'))}); console.log(main(7));`;
  return execFileSync(process.execPath, ['-e', script], {
    env: { ...process.env, KLAXON_CACHE_DIR: cacheDir },
    encoding: 'utf8',
  }).trim();
}

function cacheFiles(cache: string): Record<string, number> {
  const [folder] = readdirSync(cache).filter((name) => name.startsWith('code-'));
  if (!folder) return {};
  const files = readdirSync(join(cache, folder));
  return Object.fromEntries(files.map((name) => [name, statSync(join(cache, folder, name)).mtimeMs]));
}

describe('the compiled CLI code cache', () => {
  it('keeps the code of each chunk after the first run and reads it on the next', () => {
    const { chunks, cache } = setUp();
    expect(run(chunks, cache)).toBe('49 function');
    const written = cacheFiles(cache);
    expect(Object.keys(written).sort()).toEqual(['main.js.v8', 'square-abc.js.v8']);
    expect(run(chunks, cache)).toBe('49 function');
    expect(cacheFiles(cache)).toEqual(written);
  });

  it('runs the same with a damaged entry, and writes it anew', () => {
    const { chunks, cache } = setUp();
    run(chunks, cache);
    const [folder] = readdirSync(cache).filter((name) => name.startsWith('code-'));
    const entry = join(cache, folder!, 'square-abc.js.v8');
    writeFileSync(entry, 'not V8 code at all');
    expect(run(chunks, cache)).toBe('49 function');
    expect(statSync(entry).size).toBeGreaterThan(100);
  });

  it('runs the same without a cache: none asked for, or its folder cannot be made', () => {
    const { chunks, cache } = setUp();
    expect(run(chunks, '')).toBe('49 function');
    writeFileSync(cache, 'a file where the folder would be');
    expect(run(chunks, cache)).toBe('49 function');
    expect(statSync(cache).isFile()).toBe(true);
  });
});
