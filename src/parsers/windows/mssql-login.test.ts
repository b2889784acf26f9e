import { describe, expect, it } from 'vitest';
import { isMssqlProvider } from './mssql-login.ts';

describe('isMssqlProvider', () => {
  it('answers for each provider, whatever was asked before', () => {
    const asked: [unknown, boolean][] = [
      ['MSSQLSERVER', true],
      ['MSSQLSERVER', true],
      ['Microsoft-Windows-Security-Auditing', false],
      ['MSSQL$SQLEXPRESS', true],
      ['mssqlserver', true],
      [undefined, false],
      ['MSSQL$', false],
      [42, false],
      ['MSSQLSERVER', true],
    ];
    for (const [provider, mssql] of asked) expect(isMssqlProvider(provider), String(provider)).toBe(mssql);
  });
});
