import type { RE2JS } from 're2js';

// re2js (260 kB of JavaScript) loads with the first pattern compiled, not with this module: a
// replay whose rules were checked when the build packed them compiles none until an event needs
// one (deferLinearRegex), and a replay of sshd logs never does.
// Nothing Node-only is imported, nor runs on import: the dashboard's bundle takes core/ along.
let engine: typeof RE2JS | undefined;
/** The part of Node's `process` used here, typed locally: the dashboard is type-checked without Node's types. */
interface NodeModuleAccess {
  getBuiltinModule(id: 'node:module'): { createRequire(from: string): (id: string) => unknown };
}
function re2(): typeof RE2JS {
  if (engine === undefined) {
    const { process } = globalThis as unknown as { process: NodeModuleAccess };
    const { createRequire } = process.getBuiltinModule('node:module');
    engine = (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JS }).RE2JS;
  }
  return engine;
}

/**
 * Regular expressions written by people (rules, silences) run on attacker-controlled text, so
 * they use RE2's linear-time engine: no pattern can backtrack for seconds on a hostile value.
 * RE2 has no backreferences and no lookaround; those are refused with a plain message.
 */
export type LinearRegex = { ok: true; test: (text: string) => boolean } | { ok: false; message: string };

export interface LinearRegexOptions {
  /** Match regardless of case (RE2's `(?i)` inline flag does the same for part of a pattern). */
  caseInsensitive?: boolean;
  /** The pattern must match the whole text, not a part of it. */
  whole?: boolean;
}

/**
 * Compiled patterns by flags and source: a rule pack repeats patterns (three web rules share one),
 * and RE2JS compiles a pattern in milliseconds while a replay starts. Bounded, since silences
 * bring patterns at run time.
 */
const compiled = new Map<string, LinearRegex>();
const MAX_COMPILED = 256;

export function compileLinearRegex(source: string, options: LinearRegexOptions = {}): LinearRegex {
  const key = `${options.caseInsensitive ? 'i' : '-'}${options.whole ? 'w' : '-'}${source}`;
  let regex = compiled.get(key);
  if (regex === undefined) {
    regex = compileUncached(source, options);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, regex);
  }
  return regex;
}

/**
 * The test of a pattern this code has compiled cleanly before (a rule pack's, checked when the
 * build made it), compiled at its first use. A pattern that no longer compiles matches nothing.
 */
export function deferLinearRegex(
  source: string,
  options: LinearRegexOptions = {},
): (text: string) => boolean {
  let test: ((text: string) => boolean) | undefined;
  return (text) => {
    if (test === undefined) {
      const regex = compileLinearRegex(source, options);
      test = regex.ok ? regex.test : () => false;
    }
    return test(text);
  };
}

function compileUncached(source: string, options: LinearRegexOptions): LinearRegex {
  const unsupported = findUnsupported(source);
  if (unsupported !== undefined) {
    return { ok: false, message: `${unsupported} is not supported (linear-time RE2 syntax)` };
  }
  let regex: RE2JS;
  try {
    const RE2 = re2();
    regex = RE2.compile(source, options.caseInsensitive ? RE2.CASE_INSENSITIVE : 0);
  } catch (error) {
    return { ok: false, message: describeSyntaxError(error) };
  }
  return options.whole
    ? { ok: true, test: (text) => regex.testExact(text) }
    : { ok: true, test: (text) => regex.test(text) };
}

const LOOKAROUND: Record<string, string> = {
  '(?=': 'lookahead `(?=`',
  '(?!': 'negative lookahead `(?!`',
  '(?<=': 'lookbehind `(?<=`',
  '(?<!': 'negative lookbehind `(?<!`',
};

/** The first backreference or lookaround outside a character class, named for the message. */
function findUnsupported(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) return `backreference \`\\${next}\``;
      if (!inClass && next === 'k' && source[i + 2] === '<') return 'named backreference `\\k<...>`';
      i++;
    } else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '(' && !inClass) {
      const opener = Object.keys(LOOKAROUND).find((key) => source.startsWith(key, i));
      if (opener !== undefined) return LOOKAROUND[opener];
    }
  }
  return undefined;
}

function describeSyntaxError(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(
    /^error parsing regexp: /,
    '',
  );
  // JavaScript's `\u00e9` is RE2's `\x{00e9}`.
  return message.endsWith('`\\u`') ? `${message} (write \\x{00e9} for a code point)` : message;
}
