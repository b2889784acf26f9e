import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Tests that start `bin/klaxon.js` as a process run the compiled CLI in dist/cli: rebuild it first
 * when a source changed since the last build (well under a second; nothing when none did).
 */
export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '../../scripts/build-cli.mjs'), '--if-stale'], {
    stdio: 'inherit',
  });
}
