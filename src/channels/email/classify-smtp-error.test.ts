import { describe, expect, it } from 'vitest';
import { classifySmtpError } from './classify-smtp-error.ts';

const keep = (text: string) => text;
const smtpError = (fields: Record<string, unknown>) =>
  Object.assign(new Error(String(fields.message ?? 'x')), fields);

describe('classifySmtpError', () => {
  const table: [string, Record<string, unknown>, string, string][] = [
    [
      '421 at greeting',
      {
        code: 'ECONNECTION',
        responseCode: 421,
        response: '421 4.3.2 Service not available',
        command: 'CONN',
      },
      'retry',
      'server',
    ],
    [
      '450 mailbox busy',
      { code: 'EENVELOPE', responseCode: 450, response: '450 4.2.1 Mailbox busy', command: 'RCPT TO' },
      'retry',
      'server',
    ],
    [
      '451 rate limit',
      {
        code: 'EENVELOPE',
        responseCode: 451,
        response: '451 4.7.0 Rate limit exceeded',
        command: 'MAIL FROM',
      },
      'retry',
      'rate_limited',
    ],
    [
      '454 temporary auth failure',
      {
        code: 'EAUTH',
        responseCode: 454,
        response: '454 4.7.0 Temporary authentication failure',
        command: 'AUTH PLAIN',
      },
      'retry',
      'auth',
    ],
    [
      '535 bad credentials',
      {
        code: 'EAUTH',
        responseCode: 535,
        response: '535 5.7.8 Authentication failed',
        command: 'AUTH LOGIN',
      },
      'fail',
      'auth',
    ],
    [
      '530 auth required',
      {
        code: 'EENVELOPE',
        responseCode: 530,
        response: '530 5.7.0 Authentication required',
        command: 'MAIL FROM',
      },
      'fail',
      'auth',
    ],
    [
      '550 no mailbox',
      { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 User unknown', command: 'RCPT TO' },
      'fail',
      'config',
    ],
    [
      '553 sender not allowed',
      {
        code: 'EENVELOPE',
        responseCode: 553,
        response: '553 5.7.1 Sender address rejected',
        command: 'MAIL FROM',
      },
      'fail',
      'config',
    ],
    [
      '552 too big',
      { code: 'EMESSAGE', responseCode: 552, response: '552 5.3.4 Message too big', command: 'DATA' },
      'fail',
      'payload',
    ],
    [
      '554 at connect',
      { code: 'ECONNECTION', responseCode: 554, response: '554 5.7.1 Client host blocked', command: 'CONN' },
      'fail',
      'config',
    ],
    [
      '500 unknown command',
      { code: 'EPROTOCOL', responseCode: 500, response: '500 5.5.1 Command unrecognized', command: 'HELO' },
      'fail',
      'client',
    ],
    ['refused', { code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' }, 'retry', 'network'],
    ['DNS', { code: 'EDNS', message: 'getaddrinfo ENOTFOUND smtp.example.invalid' }, 'retry', 'network'],
    ['timeout', { code: 'ETIMEDOUT', message: 'Greeting never received' }, 'retry', 'timeout'],
    ['expired certificate', { code: 'ESOCKET', message: 'certificate has expired' }, 'fail', 'config'],
    [
      'name mismatch',
      { code: 'ESOCKET', message: "Hostname/IP does not match certificate's altnames" },
      'fail',
      'config',
    ],
    [
      'STARTTLS failure',
      { code: 'ETLS', message: 'Error initiating TLS - unable to verify the first certificate' },
      'fail',
      'config',
    ],
    [
      'not SMTP',
      { code: 'EPROTOCOL', message: 'Invalid greeting. response=HTTP/1.1 400 Bad Request' },
      'fail',
      'config',
    ],
  ];
  for (const [name, fields, kind, reason] of table) {
    it(`classifies ${name} as ${kind}/${reason}`, () => {
      expect(classifySmtpError(smtpError(fields), keep)).toMatchObject({ kind, reason });
    });
  }

  it('treats an abort as retry/timeout', () => {
    expect(classifySmtpError(new DOMException('x', 'AbortError'), keep)).toMatchObject({
      kind: 'retry',
      reason: 'timeout',
    });
  });

  it('redacts what the server echoed', () => {
    const error = smtpError({
      code: 'EAUTH',
      responseCode: 535,
      response: '535 bad password hunter22',
      command: 'AUTH PLAIN',
    });
    const result = classifySmtpError(error, (text) => text.replace('hunter22', '<secret>'));
    expect(result.message).toBe(
      'SMTP reply at AUTH: 535 bad password <secret>; check the user and password in smtp_url',
    );
  });
});
