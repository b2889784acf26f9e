// Compiles the CLI and what it imports from src/ into JavaScript in dist/cli, so plain Node runs it
// with no TypeScript at run time: dist/cli/main.js, and one chunk per command beside it (each
// command's `import()` in src/cli/command-catalog.ts is a split point) plus chunks they share, the
// largest of them the pipeline a replay loads (see `pipeline` below).
// Dependencies stay imports of node_modules, but for a few pure-JavaScript ones (INLINED): Node
// resolves, reads and compiles zod's ~95 ESM files and yaml's ~80 CommonJS files one by one, about
// 65 ms of CPU at each start that one bundled copy (a chunk of its own) does not cost; a replay with
// the precompiled rule pack loads neither. Their licences are
// copied beside the bundle (THIRD-PARTY-LICENSES.txt). Rolldown (the bundler inside Vite) does it in under a
// second where `tsc` takes 15 s, and the chunks start 13-15 % faster than one file per module;
// type checking stays with `npm run typecheck`. A build goes to a fresh folder that then replaces
// dist/cli, so a CLI started meanwhile sees the old build or the new one, never half of one.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'cli');
// Modules loaded by file name rather than imported (a worker thread's script) are entries too: each
// lands as dist/cli/<name>.js, in the same folder as the chunks that would start it. pack-rules is
// run once on the fresh build, then removed (see below).
const ENTRIES = {
  main: 'src/cli/main.ts',
  'parse-worker': 'src/app/parallel/parse-worker.ts',
  'pack-rules': 'src/cli/pack-rules.ts',
};

/** The newest modification time of the files under `folder`, in milliseconds. */
function newestIn(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  return newest;
}

// --if-stale: build only when a file in src/ or rules/ (or this script) changed since the last build.
// The test run and `npm run demo` ask for this, so they never run a CLI older than its sources (a
// rule pack older than rules/ would only be ignored, see src/rules/unpack-rules.ts).
const built = join(target, 'main.js');
if (process.argv.includes('--if-stale') && existsSync(built)) {
  const sources = Math.max(
    newestIn(join(root, 'src')),
    newestIn(join(root, 'rules')),
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
  );
  if (sources <= statSync(built).mtimeMs) process.exit(0);
}

// re2js is not among them: src/core/linear-regex.ts requires it when a pattern first compiles.
const INLINED = ['commander', 'yaml', 'zod'];
const packageOf = (id) =>
  id
    .split('/')
    .slice(0, id.startsWith('@') ? 2 : 1)
    .join('/');
/** The licence text an inlined package ships, headed by its name and version. */
function licenceOf(name) {
  const folder = join(root, 'node_modules', name);
  const file = readdirSync(folder).find((entry) => /^licen[cs]e/i.test(entry));
  if (!file) throw new Error(`${name} has no licence file to copy beside the bundle`);
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  return `${name}@${version}\n\n${readFileSync(join(folder, file), 'utf8').trim()}`;
}

const isPackage = (id) =>
  !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !INLINED.includes(packageOf(id));

const { rolldown } = await import('rolldown');
// Klaxon's own modules run nothing when imported, so a chunk imports only the modules whose
// exports it uses: a replay does not load what index.ts files re-export for other commands.
const treeshake = { moduleSideEffects: [{ test: /[\\/]src[\\/]/, sideEffects: false, external: false }] };

/** The modules `entry` imports statically, directly or not: those Node loads before it runs. */
async function staticGraph(entry) {
  const graph = await rolldown({
    input: join(root, entry),
    platform: 'node',
    external: isPackage,
    treeshake,
    logLevel: 'silent',
  });
  const { output } = await graph.generate({ format: 'esm' });
  await graph.close();
  const chunks = new Map(
    output.filter((part) => part.type === 'chunk').map((chunk) => [chunk.fileName, chunk]),
  );
  const seen = new Set();
  const visit = (chunk) => {
    if (chunk === undefined || seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const name of chunk.imports) visit(chunks.get(name));
  };
  visit(output.find((part) => part.type === 'chunk' && part.isEntry));
  return new Set([...seen].flatMap((name) => chunks.get(name).moduleIds));
}

// The modules a replay loads, but for those main.ts loads up front (so `--help` loads no more),
// go into one chunk. Node resolves, reads and links each ES module on its own: split among the
// ~30 chunks they shared with other commands, they cost a replay (and the demo) about 15 ms more
// to start, in a 0.7 s replay of 200,000 sshd lines; commands that load part of them now load
// all of them (`config check`: about 9 ms more).
const upFront = await staticGraph('src/cli/main.ts');
const replayModules = await staticGraph('src/cli/commands/replay.ts');
const pipeline = (id) => replayModules.has(id) && !upFront.has(id);

const building = `${target}.building-${process.pid}`;
const bundle = await rolldown({
  input: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(root, path)])),
  platform: 'node',
  external: isPackage,
  // A new id each build: the rule recipes an older build cached are never read (src/cli/rule-cache.ts).
  transform: { define: { 'process.env.KLAXON_BUILD_ID': JSON.stringify(randomUUID()) } },
  logLevel: 'warn',
  treeshake,
  // An entry chunk may export more than its module does: the pipeline chunk takes only the
  // modules it names (includeDependenciesRecursively below), not what they import.
  preserveEntrySignatures: 'allow-extension',
});
await bundle.write({
  dir: building,
  format: 'esm',
  entryFileNames: '[name].js',
  chunkFileNames: '[name]-[hash].js',
  // Each large inlined package in a chunk of its own, so a chunk of Klaxon's modules never carries
  // one along: a replay with the precompiled rule pack loads neither yaml nor zod.
  codeSplitting: {
    includeDependenciesRecursively: false,
    groups: [
      ...INLINED.map((name) => ({
        name,
        test: new RegExp(`[\\\\/]node_modules[\\\\/]${name}[\\\\/]`),
        priority: 2,
      })),
      { name: 'pipeline', test: pipeline, priority: 1 },
    ],
  },
});
await bundle.close();
writeFileSync(join(building, 'THIRD-PARTY-LICENSES.txt'), INLINED.map(licenceOf).join('\n\n'));
// The shipped rule pack, compiled by this build's own code into rule-pack.json: a replay with the
// pack then reads no YAML and loads neither the YAML parser nor zod (src/cli/rule-cache.ts).
execFileSync(process.execPath, [join(building, 'pack-rules.js')], { stdio: 'inherit' });
rmSync(join(building, 'pack-rules.js'));

const old = `${target}.old-${process.pid}`;
if (existsSync(target)) renameSync(target, old);
renameSync(building, target);
rmSync(old, { recursive: true, force: true });
