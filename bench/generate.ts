/**
 * Benchmark inputs: `tsx bench/generate.ts [dir]` writes `winlogbeat-4625.ndjson` (1,000,000
 * Winlogbeat 4625 documents) and `auth.log` (1,000,000 sshd lines) into `dir` (default bench/data),
 * or keeps them when an earlier run already wrote them with the same parameters.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBenchFiles } from '../src/demo/index.ts';

export { generateBenchFiles };
export type { BenchFile, BenchFileOptions, BenchFiles } from '../src/demo/index.ts';

const DEFAULT_DIR = fileURLToPath(new URL('./data', import.meta.url));

async function main(argv: string[]): Promise<void> {
  const dir = resolve(argv[0] ?? DEFAULT_DIR);
  const began = performance.now();
  const { files } = await generateBenchFiles(dir);
  for (const file of files) {
    const state = file.written ? 'wrote' : 'kept';
    console.log(
      `${state} ${file.path}: ${file.lines.toLocaleString('en')} lines, ${(file.bytes / 1e6).toFixed(1)} MB`,
    );
  }
  console.log(`done in ${((performance.now() - began) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2));
}
