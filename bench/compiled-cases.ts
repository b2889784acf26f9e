// The bench cases compiled as the CLI is (scripts/build-cli.mjs: Rolldown, one chunk per shared
// part, packages left to node_modules), so that each case measures the JavaScript Klaxon ships
// rather than its TypeScript run through tsx: tsx transforms each module in an esbuild process of
// its own, and a worker thread loads its modules through tsx's hooks thread, both beside the two
// threads a replay keeps busy on a two-core machine. On the 1M-document replay with
// `--threads auto` that cost 4-5 % of the wall time and about 80 MB of RSS
// (bench/cases/replay-threads.ts, alternated 3×: 5.04-5.19 s under tsx, 4.84-4.85 s compiled).
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult } from './cases/measure.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const casesDir = join(root, 'bench', 'cases');
// Two folders below the root, as dist/cli is: modules that find files by their own place
// (the package root, rules/) find the same ones.
const buildDir = join(root, 'bench', '.build');

/** Compiles every case in bench/cases, and the parse worker a replay starts beside them. */
export async function buildCases(): Promise<void> {
  const cases = readdirSync(casesDir).filter((file) => file.endsWith('.ts') && file !== 'measure.ts');
  const input: Record<string, string> = {
    'parse-worker': join(root, 'src', 'app', 'parallel', 'parse-worker.ts'),
  };
  for (const file of cases) input[file.slice(0, -'.ts'.length)] = join(casesDir, file);
  const { rolldown } = await import('rolldown');
  const bundle = await rolldown({
    input,
    platform: 'node',
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    logLevel: 'warn',
    treeshake: { moduleSideEffects: [{ test: /[\\/]src[\\/]/, sideEffects: false, external: false }] },
  });
  rmSync(buildDir, { recursive: true, force: true });
  await bundle.write({ dir: buildDir, format: 'esm', entryFileNames: '[name].js' });
  await bundle.close();
}

/** Runs compiled case `name` (see buildCases) and returns the JSON line it reports last. */
export function runCompiledCase(
  name: string,
  args: readonly string[],
  nodeFlags: readonly string[] = [],
): CaseResult {
  const output = execFileSync(process.execPath, [...nodeFlags, join(buildDir, `${name}.js`), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(output.trim().split('\n').at(-1) as string) as CaseResult;
}
