import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGlobPattern, expandGlob, isPattern } from './expand-glob.ts';
import { removeTempFolders, tempFolder } from './testdata/follow-harness.ts';

afterAll(removeTempFolders);

function tree(paths: string[]): string {
  const root = tempFolder();
  for (const path of paths) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '');
  }
  return root;
}

async function expand(root: string, pattern: string): Promise<string[]> {
  const { paths, problems } = await expandGlob(join(root, pattern));
  expect(problems).toEqual([]);
  return paths.map((path) => relative(root, path));
}

describe('expandGlob', () => {
  const root = tree([
    'log/secure',
    'log/secure.1',
    'log/secure.2',
    'log/auth.log',
    'srv/a/app.log',
    'srv/b/app.log',
  ]);

  it('expands wildcards in the last segment, sorted', async () => {
    expect(await expand(root, 'log/secure*')).toEqual(['log/secure', 'log/secure.1', 'log/secure.2']);
    expect(await expand(root, 'log/secure.[2-9]')).toEqual(['log/secure.2']);
  });

  it('expands wildcards in folder segments', async () => {
    expect(await expand(root, 'srv/?/app.log')).toEqual(['srv/a/app.log', 'srv/b/app.log']);
    expect(await expand(root, '*/a/*')).toEqual(['srv/a/app.log']);
  });

  it('yields a path without wildcards as it is, existing or not', async () => {
    expect(await expand(root, 'log/missing.log')).toEqual(['log/missing.log']);
  });

  it('matches nothing under a missing folder', async () => {
    expect(await expand(root, 'nowhere/*.log')).toEqual([]);
  });

  it('resolves a relative pattern from the working folder', async () => {
    const { paths } = await expandGlob(relative(process.cwd(), join(root, 'log/auth.*')));
    expect(paths).toEqual([join(root, 'log/auth.log')]);
  });

  it.skipIf(process.getuid?.() === 0)('reports a folder it may not list', async () => {
    const locked = tree(['private/app.log']);
    chmodSync(join(locked, 'private'), 0o000);
    try {
      const { paths, problems } = await expandGlob(join(locked, 'private/*.log'));
      expect(paths).toEqual([]);
      expect(problems).toEqual([`cannot list ${join(locked, 'private')}: permission denied (EACCES)`]);
    } finally {
      chmodSync(join(locked, 'private'), 0o755);
    }
  });
});

describe('checkGlobPattern', () => {
  it('accepts good patterns and names the mistake in bad ones', () => {
    expect(checkGlobPattern('/var/log/secure*')).toBeUndefined();
    expect(checkGlobPattern('/var/log/[ab.log')).toBe('`[ab.log` has a [ without its closing ]');
  });

  it('tells patterns from plain paths', () => {
    expect(isPattern('/var/log/auth.log')).toBe(false);
    expect(isPattern('/srv/*/app.log')).toBe(true);
  });
});
