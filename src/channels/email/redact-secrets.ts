import type { SmtpEndpoint } from './smtp-url.ts';

/**
 * Removes the SMTP URL and its password, in every form it travels in (percent-encoded in the
 * URL, base64 in AUTH LOGIN and AUTH PLAIN), from text that came back from the server or socket.
 */
export function createSmtpRedactor(
  smtpUrl: string,
  endpoint: SmtpEndpoint | undefined,
): (text: string) => string {
  const values = [smtpUrl];
  if (endpoint?.pass) {
    const { user = '', pass } = endpoint;
    values.push(
      pass,
      encodeURIComponent(pass),
      Buffer.from(pass).toString('base64'),
      Buffer.from(`\u0000${user}\u0000${pass}`).toString('base64'),
    );
  }
  const secrets = values.filter((value) => value.length >= 3).sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((result, secret) => result.split(secret).join('<secret>'), text);
}
