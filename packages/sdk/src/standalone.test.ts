import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(here).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('the SDK package', () => {
  it('imports only Node built-ins and its own files, so it ships without the rest of Klaxon', () => {
    expect(sources).toContain('index.ts');
    const imports = sources.flatMap((name) =>
      [...readFileSync(`${here}/${name}`, 'utf8').matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'/g)].map(
        (match) => ({ name, specifier: match[1] ?? match[2] ?? '' }),
      ),
    );
    const foreign = imports.filter(
      ({ specifier }) =>
        !(specifier.startsWith('node:') && builtinModules.includes(specifier.slice(5))) &&
        !/^\.\/[a-z0-9-]+\.ts$/.test(specifier),
    );
    expect(foreign).toEqual([]);
  });
});
