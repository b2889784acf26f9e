import { ConditionError } from './condition-ast.ts';

export type Token =
  { kind: 'open' | 'close' | 'pipe'; at: number } | { kind: 'word'; text: string; at: number };

const WORD = /[^\s()|]+/y;

/** Splits a condition into parentheses, `|` and words (identifiers, patterns, keywords, numbers). */
export function tokenizeCondition(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '(' || char === ')' || char === '|') {
      tokens.push({ kind: char === '(' ? 'open' : char === ')' ? 'close' : 'pipe', at: i });
      i++;
    } else {
      WORD.lastIndex = i;
      const match = WORD.exec(text);
      if (match === null) throw new ConditionError(`unexpected \`${char}\` at column ${i + 1}`);
      tokens.push({ kind: 'word', text: match[0], at: i });
      i += match[0].length;
    }
  }
  return tokens;
}
