import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import { Script, constants } from 'node:vm';
// Not through core/index.ts: this loads before the CLI, and must not load the CLI's chunks itself.
import { pruneCacheFolders } from '../core/cache-folders.ts';
import { cacheDir } from './cache-dir.ts';

const PREFIX = 'code-';

interface CompilingModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

type Compile = (this: CompilingModule, content: string, filename: string) => unknown;

/**
 * Requires the compiled CLI (CommonJS chunks, dist/cli) with V8's code cache, as Node 22's
 * module.enableCompileCache() would: compiling its chunks, and the functions they run while a
 * replay starts, is about a third of a `klaxon replay`'s start-up. The cache is a folder per build
 * beside the rule recipes (src/cli/rule-cache.ts); V8 checks each entry against its version and
 * flags and refuses a mismatch, and any trouble with the folder only means compiling as usual.
 */
export function requireCompiled(entry: string): unknown {
  const dir = cacheDir();
  const build = process.env.KLAXON_BUILD_ID;
  if (!dir || !build) return createRequire(entry)(entry);
  const folder = join(dir, PREFIX + build.replace(/[^A-Za-z0-9_-]/g, '_'));
  const fresh: Array<{ script: Script; file: string }> = [];
  const prototype = Module.prototype as unknown as { _compile: Compile };
  const plain = prototype._compile;
  const chunks = dirname(entry) + sep;
  prototype._compile = function (content, filename) {
    if (!filename.startsWith(chunks)) return plain.call(this, content, filename);
    const file = join(folder, `${basename(filename)}.v8`);
    const cachedData = readOrNothing(file);
    const script = new Script(Module.wrap(content), {
      filename,
      ...(cachedData && { cachedData }),
      importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (!cachedData || script.cachedDataRejected) fresh.push({ script, file });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(
      this.exports,
      this.exports,
      createRequire(filename),
      this,
      filename,
      dirname(filename),
    );
  };
  // At exit, so the functions the run compiled are in the cache too.
  process.once('exit', () => writeCaches(dir, folder, fresh));
  return createRequire(entry)(entry);
}

function writeCaches(dir: string, folder: string, fresh: Array<{ script: Script; file: string }>): void {
  if (fresh.length === 0) return;
  try {
    mkdirSync(folder, { recursive: true });
    pruneCacheFolders(dir, PREFIX, folder, Date.now());
    for (const { script, file } of fresh) {
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, file);
    }
  } catch {
    // No cache this time: the next run compiles as usual.
  }
}

function readOrNothing(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
