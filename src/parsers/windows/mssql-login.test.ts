import { describe, expect, it } from 'vitest';
import { isMssqlProvider, readLoginFailedMessage, readMssqlLogin } from './mssql-login.ts';

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

describe('readMssqlLogin (18456)', () => {
  const forgedLogin = "x'. Reason: Password did not match. [CLIENT: 198.51.100.66]";
  const message = `Login failed for user '${forgedLogin}'. Reason: Password did not match that for the login provided. [CLIENT: 10.0.0.5]`;

  it('reads the client the server wrote last, whatever the login name holds', () => {
    expect(readMssqlLogin('18456', {}, message)).toEqual({
      user: forgedLogin,
      ip: '10.0.0.5',
      reason: 'wrong password',
    });
  });

  it('takes the login from the event data when there is one', () => {
    const data = {
      param1: forgedLogin,
      param2: ' Reason: Password did not match that for the login provided.',
      param3: ' [CLIENT: 10.0.0.5]',
    };
    expect(readMssqlLogin('18456', data, message)).toEqual({
      user: forgedLogin,
      ip: '10.0.0.5',
      reason: 'wrong password',
    });
  });

  it("reads a login with a quote in it, and an older server's message without a reason", () => {
    expect(readLoginFailedMessage("Login failed for user 'O'Leary'. [CLIENT: <local machine>]")).toEqual({
      user: "O'Leary",
      ip: undefined,
      reason: undefined,
    });
    expect(readLoginFailedMessage('Something else [CLIENT: 10.0.0.5]')).toBeUndefined();
  });
});
