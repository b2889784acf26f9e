// `${NAME}` is not a plain YAML scalar inside `{ ... }` or `[ ... ]`: its braces and commas are
// flow indicators. Before parsing, those characters inside a reference are swapped for
// private-use characters of the same length (so every line and column stays put), and swapped
// back in each value before substitution. Variable values never pass through the YAML parser.
const FLOW_CHARS = '{}[],';
const MASKS = '\uE000\uE001\uE002\uE003\uE004';
const REFERENCE = /\$\{[^{}\n]*\}/g;
const FLOW = /[{}[\],]/g;
const MASKED = /[\uE000-\uE004]/g;
const HAS_MASK = /[\uE000-\uE004]/;

/**
 * The text with the flow characters of each `${...}` masked, or undefined when it holds the
 * mask characters already (then it is parsed as written).
 */
export function maskReferences(text: string): string | undefined {
  if (HAS_MASK.test(text)) return undefined;
  return text.replace(REFERENCE, (reference) =>
    reference.replace(FLOW, (char) => MASKS[FLOW_CHARS.indexOf(char)] as string),
  );
}

export function unmaskReferences(text: string): string {
  return HAS_MASK.test(text)
    ? text.replace(MASKED, (char) => FLOW_CHARS[MASKS.indexOf(char)] as string)
    : text;
}
