import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sealSecrets } from './seal-secrets.ts';

describe('sealSecrets', () => {
  it('prints as <secret> everywhere while its fields read normally', () => {
    const secrets = sealSecrets({ token: 'tok-0123456789' });
    expect(secrets.token).toBe('tok-0123456789');
    expect(JSON.stringify({ secrets })).toBe('{"secrets":"<secret>"}');
    expect(inspect({ secrets })).toBe('{ secrets: <secret> }');
    expect(Object.keys(secrets)).toEqual(['token']);
  });
});
