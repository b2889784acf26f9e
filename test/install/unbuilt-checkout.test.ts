import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './install-packed-cli.ts';

describe('bin/klaxon.js in a checkout that was not built', () => {
  const checkout = mkdtempSync(join(tmpdir(), 'klaxon-unbuilt-'));
  afterAll(() => rmSync(checkout, { recursive: true, force: true }));

  it('says to build, with no stack trace', () => {
    mkdirSync(join(checkout, 'bin'));
    copyFileSync(join(ROOT, 'bin', 'klaxon.js'), join(checkout, 'bin', 'klaxon.js'));
    const run = spawnSync(process.execPath, [join(checkout, 'bin', 'klaxon.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'klaxon: the CLI is not built (dist/cli/main.js is missing): run npm run build',
    );
  });
});
