import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedFunction } from './generated-function.ts';

describe('generated functions', () => {
  it('compile their body as strict code with the parameters named', () => {
    const add = generatedFunction<(a: number, b: number) => number>(['a', 'b'], 'return a + b;');
    expect(add?.(2, 3)).toBe(5);
    const self = generatedFunction<() => unknown>([], 'return this;');
    expect(self?.()).toBeUndefined();
  });

  it('are undefined where code generation from strings is refused, so callers keep their own form', () => {
    const module = fileURLToPath(new URL('./generated-function.ts', import.meta.url));
    const script = `const { generatedFunction } = await import(${JSON.stringify(module)});
      console.log(String(generatedFunction(['a'], 'return a;')));`;
    const run = (flags: string[]) =>
      execFileSync(process.execPath, [...flags, '--import', 'tsx', '--input-type=module', '-e', script], {
        encoding: 'utf8',
      }).trim();
    expect(run(['--disallow-code-generation-from-strings'])).toBe('undefined');
    expect(run([])).not.toBe('undefined');
  });
});
