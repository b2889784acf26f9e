import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** How to start a worker: a module to run, or (`eval`) a line of code that loads one. */
export interface WorkerEntry {
  script: URL | string;
  eval: boolean;
}

/** The parse worker beside this module, compiled or not (see workerEntry). */
export function parseWorkerEntry(): WorkerEntry {
  return workerEntry(new URL(import.meta.url), 'parse-worker');
}

/**
 * The worker module `name` beside `beside`: `name.js` when Klaxon runs compiled (dist/), else
 * `name.ts` loaded through tsx's `tsImport`: a worker inherits neither tsx's `register()` (the CLI)
 * nor vitest's transform, and `--import tsx` in a worker's flags has no effect on Node 20.
 */
export function workerEntry(beside: URL, name: string): WorkerEntry {
  if (beside.pathname.endsWith('.js')) return { script: new URL(`./${name}.js`, beside), eval: false };
  const target = JSON.stringify(new URL(`./${name}.ts`, beside).href);
  const tsx = JSON.stringify(tsxApiUrl(beside));
  return { script: `import(${tsx}).then((tsx) => tsx.tsImport(${target}, ${target}));`, eval: true };
}

function tsxApiUrl(beside: URL): string {
  const manifestPath = createRequire(beside).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const api = manifest.exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs';
  return new URL(api, pathToFileURL(manifestPath)).href;
}
