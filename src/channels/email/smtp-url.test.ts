import { describe, expect, it } from 'vitest';
import { createSmtpRedactor } from './redact-secrets.ts';
import { parseSmtpUrl } from './smtp-url.ts';

describe('parseSmtpUrl', () => {
  it('reads smtps with a percent-encoded password and the default port', () => {
    expect(parseSmtpUrl('smtps://alerts%40example.com:p%40ss%3Aw@mail.example.com')).toEqual({
      host: 'mail.example.com',
      port: 465,
      implicitTls: true,
      user: 'alerts@example.com',
      pass: 'p@ss:w',
    });
  });

  it('reads smtp without credentials for a relay, defaulting to the submission port', () => {
    expect(parseSmtpUrl('smtp://relay.internal')).toEqual({
      host: 'relay.internal',
      port: 587,
      implicitTls: false,
    });
    expect(parseSmtpUrl('smtp://[::1]:25')).toMatchObject({ host: '::1', port: 25 });
  });

  it('rejects other schemes, paths and broken encodings', () => {
    for (const bad of [
      'https://mail.example.com',
      'smtp://',
      'smtp://host/path',
      'smtps://u:%E0%A4%A@host',
      'smtp://:pw@host',
      'nonsense',
    ]) {
      expect(parseSmtpUrl(bad), bad).toBeUndefined();
    }
  });
});

describe('createSmtpRedactor', () => {
  it('hides the password as typed, percent-encoded and in both AUTH encodings', () => {
    const url = 'smtps://klaxon:p%40ssword@mail.example.com';
    const redact = createSmtpRedactor(url, parseSmtpUrl(url));
    const plain = Buffer.from('\u0000klaxon\u0000p@ssword').toString('base64');
    const login = Buffer.from('p@ssword').toString('base64');
    expect(redact(`${url} p@ssword p%40ssword ${plain} ${login}`)).toBe(
      '<secret> <secret> <secret> <secret> <secret>',
    );
  });
});
