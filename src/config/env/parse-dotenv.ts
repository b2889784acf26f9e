import type { ValidationIssue } from '../../core/index.ts';

export interface Dotenv {
  values: Map<string, string>;
  issues: ValidationIssue[];
}

const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '$' };

/**
 * Reads `.env` text: `KEY=value` lines, an optional `export `, `#` comments (also after an
 * unquoted value, when preceded by a space), 'single quotes' taken literally, "double quotes"
 * with \n \t \" \\ escapes, and quoted values that span lines. Values are not expanded.
 * Issues name the line only: a broken line may hold a secret.
 */
export function parseDotenv(text: string, file: string): Dotenv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const dotenv: Dotenv = { values: new Map(), issues: [] };
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    const assignment = ASSIGNMENT.exec(line);
    if (!assignment) {
      dotenv.issues.push({ file, line: index + 1, message: 'expected KEY=value' });
      continue;
    }
    const name = assignment[1] as string;
    const rest = line.slice(assignment[0].length);
    const quote = rest[0];
    if (quote !== '"' && quote !== "'") {
      dotenv.values.set(name, rest.replace(/\s+#.*$/, '').trim());
      continue;
    }
    // The first quote of the line opens the value: names, `=` and `export` hold none.
    const read = readQuoted(lines, index, (lines[index] as string).indexOf(quote) + 1, quote);
    if (read.error) {
      dotenv.issues.push({ file, line: index + 1, field: name, message: read.error });
    } else {
      dotenv.values.set(name, read.value);
    }
    index = read.lastLine;
  }
  return dotenv;
}

interface Quoted {
  value: string;
  lastLine: number;
  error?: string;
}

/** Reads from just after the opening quote to the closing one, across lines if need be. */
function readQuoted(lines: readonly string[], first: number, start: number, quote: string): Quoted {
  let value = '';
  for (let index = first; index < lines.length; index++) {
    const line = lines[index] as string;
    for (let at = index === first ? start : 0; at < line.length; at++) {
      const char = line[at] as string;
      if (char === quote) {
        const after = line.slice(at + 1).trim();
        if (after !== '' && !after.startsWith('#')) {
          return { value, lastLine: index, error: 'unexpected text after the closing quote' };
        }
        return { value, lastLine: index };
      }
      if (char === '\\' && quote === '"' && at + 1 < line.length) {
        const next = line[++at] as string;
        value += ESCAPES[next] ?? `\\${next}`;
      } else {
        value += char;
      }
    }
    value += '\n';
  }
  return { value, lastLine: lines.length - 1, error: `the ${quote} quote is never closed` };
}
