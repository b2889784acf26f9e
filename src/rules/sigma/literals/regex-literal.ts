/**
 * The longest run of literal text every match of a regular expression contains, lowercased, or
 * undefined when none is sure. Conservative: a `|` outside groups gives up; groups, classes, `.`, anchors and
 * class escapes end a run; an atom made optional (`?`, `*`, `{0`) ends it without counting; one
 * repeated (`+`, `{n`) ends the run with it and starts the next with it.
 */
export function regexLiteral(source: string): string | undefined {
  if (/\\[QEpPxuc]/.test(source)) return undefined;
  const runs: string[] = [];
  let run = '';
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    let atom: string | undefined;
    const char = source[i] as string;
    if (char === '\\') {
      const next = source[++i] ?? '';
      atom = /\w/.test(next) ? undefined : next;
    } else if (char === '[') {
      i = closingBracket(source, i);
      if (i < 0) return undefined;
    } else if (char === '|') {
      // An alternative at the top: no text is sure. Inside a group it only ends the run.
      if (depth === 0) return undefined;
    } else if (char === '(' || char === ')') {
      depth += char === '(' ? 1 : -1;
    } else if (!'.^$'.includes(char)) {
      atom = char;
    }
    if (depth > 0 || (char === ')' && depth === 0)) atom = undefined;
    const quantifier = readQuantifier(source, i + 1);
    i += quantifier.length;
    if (atom === undefined || quantifier.optional) {
      runs.push(run);
      run = '';
    } else if (quantifier.repeated) {
      runs.push(run + atom);
      run = atom;
    } else {
      run += atom;
    }
  }
  runs.push(run);
  const longest = runs.reduce((best, text) => (text.length > best.length ? text : best), '');
  return longest === '' ? undefined : longest.toLowerCase();
}

interface Quantifier {
  length: number;
  optional: boolean;
  repeated: boolean;
}

/** The quantifier written at `at` (with a lazy or possessive suffix), if any. */
function readQuantifier(source: string, at: number): Quantifier {
  const char = source[at];
  let length = 0;
  let optional = false;
  let repeated = false;
  if (char === '?' || char === '*') {
    length = 1;
    optional = true;
  } else if (char === '+') {
    length = 1;
    repeated = true;
  } else if (char === '{') {
    const match = /^\{(\d*)(,\d*)?\}/.exec(source.slice(at));
    if (match) {
      length = match[0].length;
      optional = match[1] === '' || Number(match[1]) === 0;
      repeated = !optional;
    }
  }
  if (length > 0 && (source[at + length] === '?' || source[at + length] === '+')) length++;
  return { length, optional, repeated };
}

/** Index of the `]` closing the class that starts at `start`; -1 when unclosed. */
function closingBracket(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  for (; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return -1;
}
