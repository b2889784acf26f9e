import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/index.ts';
import { checkNewPassword, hashPassword, verifyNobody, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('hashes with argon2id at the OWASP parameters and a random salt', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword(first, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(first, 'correct horse battery stapler')).toBe(false);
  });

  it('treats a malformed hash as a mismatch, and an unknown user as one too', async () => {
    expect(await verifyPassword('not a hash', 'whatever')).toBe(false);
    expect(await verifyNobody('whatever')).toBe(false);
  });

  it('accepts new passwords of 12 to 1024 characters, counting characters, not bytes', () => {
    expect(() => checkNewPassword('x'.repeat(12))).not.toThrow();
    expect(() => checkNewPassword('🔑'.repeat(12))).not.toThrow();
    expect(() => checkNewPassword('🔑'.repeat(11))).toThrow(InputError);
    expect(() => checkNewPassword('short')).toThrow('at least 12 characters');
    expect(() => checkNewPassword('x'.repeat(1_025))).toThrow('too long');
  });
});
