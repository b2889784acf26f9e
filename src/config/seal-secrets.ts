export const SECRET_SHOWN = '<secret>';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Makes `value` print as `<secret>` in JSON.stringify, util.inspect, console.log and loggers
 * that honour toJSON, while its fields still read normally (`secrets.bot_token`), so channels
 * take it as it is. The added members are not enumerable: a spread copy loses them, so pass
 * the object itself on.
 */
export function sealSecrets<T extends object>(value: T): T {
  return showAs(value, () => SECRET_SHOWN);
}

/** Makes `value` print as what `view` returns (a redacted picture of it). */
export function showAs<T extends object>(value: T, view: () => unknown): T {
  Object.defineProperty(value, 'toJSON', { value: view, enumerable: false });
  Object.defineProperty(value, INSPECT, { value: view, enumerable: false });
  return value;
}
