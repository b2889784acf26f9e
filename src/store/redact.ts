export type Redact = (text: string) => string;

const SHOWN = '<secret>';

/** Replaces every occurrence of the secret (plain or URL-encoded) with `<secret>`. */
export function createRedactor(secret: string | undefined): Redact {
  if (secret === undefined || secret === '') return (text) => text;
  const forms = [...new Set([secret, encodeURIComponent(secret)])];
  return (text) => forms.reduce((result, form) => result.replaceAll(form, SHOWN), text);
}

/** The URL with the password of its user part replaced, also when the URL does not parse. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#]*@/i, `$1:${SHOWN}@`);
}

/**
 * The error as it may travel on: itself when it does not hold the secret, else a copy whose
 * message and stack are redacted (keeping `code`), so not even `cause` chains carry the secret.
 */
export function redactError(error: unknown, redact: Redact): Error {
  if (!(error instanceof Error)) return new Error(redact(String(error)));
  if (redact(error.message) === error.message && redact(error.stack ?? '') === (error.stack ?? ''))
    return error;
  const copy = new Error(redact(error.message));
  copy.name = error.name;
  if (error.stack !== undefined) copy.stack = redact(error.stack);
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}
