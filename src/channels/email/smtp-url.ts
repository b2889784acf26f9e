/** Where and how to reach the SMTP server, as read from the secret `smtp_url`. */
export interface SmtpEndpoint {
  host: string;
  port: number;
  /** `smtps://`: TLS from the first byte (port 465); `smtp://`: plain, upgraded with STARTTLS. */
  implicitTls: boolean;
  user?: string;
  pass?: string;
}

/**
 * `smtps://user:pass@host:465` or `smtp://user:pass@host:587`; user and password are
 * percent-decoded. Undefined for anything else. Never echoes the URL: it carries the password.
 */
export function parseSmtpUrl(text: string): SmtpEndpoint | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return undefined;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '' || (url.pathname !== '' && url.pathname !== '/')) return undefined;
  const implicitTls = url.protocol === 'smtps:';
  const user = decodePart(url.username);
  const pass = decodePart(url.password);
  if (user === undefined || pass === undefined || (pass !== '' && user === '')) return undefined;
  return {
    host,
    port: url.port === '' ? (implicitTls ? 465 : 587) : Number(url.port),
    implicitTls,
    ...(user !== '' && { user, pass }),
  };
}

function decodePart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
