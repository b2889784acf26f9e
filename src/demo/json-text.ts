const PLAIN_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Printable ASCII without `"` or `\`: JSON needs no escapes for it and latin1 bytes equal UTF-8 ones. */
export function isPlainJsonText(value: string): boolean {
  return PLAIN_TEXT.test(value);
}

/** A JSON string literal; skips JSON.stringify for the common case of nothing to escape. */
export function quoteJson(value: string): string {
  return PLAIN_TEXT.test(value) ? `"${value}"` : JSON.stringify(value);
}

let cachedSecond = Number.NaN;
let cachedPrefix = '';

/** `new Date(ms).toISOString()`, with the part up to the seconds formatted once per second. */
export function formatIsoTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 20);
  }
  const millis = ms - second * 1000;
  return `${cachedPrefix}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}
