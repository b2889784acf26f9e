// Builds dist/esm and dist/cjs with the TypeScript compiler. The core is type-checked first without
// Node's types, so a node: import or a Node global outside the node entry fails the build.
import { execFileSync } from 'node:child_process';
import process from 'node:process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
const run = (project) =>
  execFileSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });

rmSync(join(root, 'dist'), { recursive: true, force: true });
run('tsconfig.build.json');
run('tsconfig.node.json');
run('tsconfig.cjs.json');
writeFileSync(join(root, 'dist/cjs/package.json'), '{ "type": "commonjs" }\n');
