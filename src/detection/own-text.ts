/**
 * A copy of `text` that holds on to nothing else. A value read from an event is often a slice of
 * its line (V8 keeps the whole line alive for it) or a concatenation of such slices: kept as a
 * group key or a distinct value for a whole window, it would keep every line it came from alive.
 */
export function ownText(text: string): string {
  // Shorter strings are copied by V8 when sliced; a flattened copy one character longer is sliced here.
  return text.length < 13 ? text : (' ' + text).slice(1);
}
