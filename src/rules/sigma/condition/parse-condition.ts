import { ConditionError } from './condition-ast.ts';
import type { ConditionNode } from './condition-ast.ts';
import { tokenizeCondition } from './tokenize-condition.ts';
import type { Token } from './tokenize-condition.ts';

const KEYWORDS = new Set(['and', 'or', 'not', 'of']);
const IDENTIFIER = /^[\p{L}\p{N}_.\-*]+$/u;

/**
 * Parses a condition by precedence, loosest first: `or`, `and`, `not`, `x of`, parentheses.
 * Sigma 1 aggregations (`| count() ...`) and `near` are refused with the construct named.
 */
export function parseCondition(text: string): ConditionNode {
  const tokens = tokenizeCondition(text);
  if (tokens.length === 0) throw new ConditionError('the condition is empty');
  const parser = new Parser(tokens);
  const node = parser.parseOr();
  parser.expectEnd();
  return node;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parseOr(): ConditionNode {
    const children = [this.parseAnd()];
    while (this.takeWord('or')) children.push(this.parseAnd());
    return children.length === 1 ? (children[0] as ConditionNode) : { kind: 'or', children };
  }

  private parseAnd(): ConditionNode {
    const children = [this.parseNot()];
    while (this.takeWord('and')) children.push(this.parseNot());
    return children.length === 1 ? (children[0] as ConditionNode) : { kind: 'and', children };
  }

  private parseNot(): ConditionNode {
    if (this.takeWord('not')) return { kind: 'not', child: this.parseNot() };
    return this.parsePrimary();
  }

  private parsePrimary(): ConditionNode {
    const token = this.tokens[this.position];
    if (token === undefined)
      throw new ConditionError('the condition ends where a search identifier was expected');
    if (token.kind === 'open') {
      this.position++;
      const inner = this.parseOr();
      if (this.tokens[this.position]?.kind !== 'close')
        throw new ConditionError(`missing \`)\` for the \`(\` at column ${token.at + 1}`);
      this.position++;
      return inner;
    }
    if (token.kind !== 'word')
      throw new ConditionError(
        `unexpected \`${token.kind === 'close' ? ')' : '|'}\` at column ${token.at + 1}`,
      );
    const word = token.text.toLowerCase();
    if (this.tokens[this.position + 1]?.kind === 'word' && this.wordAt(this.position + 1) === 'of')
      return this.parseQuantified(token);
    if (KEYWORDS.has(word))
      throw new ConditionError(`unexpected \`${token.text}\` at column ${token.at + 1}`);
    if (word === 'near')
      throw new ConditionError(
        '`near` (Sigma 1 aggregation) is not supported; write a temporal correlation rule',
      );
    if (!IDENTIFIER.test(token.text))
      throw new ConditionError(`\`${token.text}\` is not a search identifier`);
    this.position++;
    return { kind: 'identifier', name: token.text };
  }

  private parseQuantified(token: Extract<Token, { kind: 'word' }>): ConditionNode {
    const quantifier = token.text.toLowerCase();
    if (quantifier !== '1' && quantifier !== 'all' && quantifier !== 'any')
      throw new ConditionError(`\`${token.text} of\` is not supported; Sigma has \`1 of\` and \`all of\``);
    this.position += 2;
    const target = this.tokens[this.position];
    if (target?.kind !== 'word' || KEYWORDS.has(target.text.toLowerCase()) || !IDENTIFIER.test(target.text))
      throw new ConditionError(`\`${token.text} of\` needs a search identifier pattern or \`them\``);
    this.position++;
    return { kind: 'quantified', quantifier: quantifier === 'all' ? 'all' : 'one', pattern: target.text };
  }

  expectEnd(): void {
    const token = this.tokens[this.position];
    if (token === undefined) return;
    if (token.kind === 'pipe')
      throw new ConditionError(
        'aggregation `| ...` (Sigma 1 `count()` and the like) is not supported; write a correlation rule',
      );
    const shown = token.kind === 'word' ? token.text : token.kind === 'close' ? ')' : '(';
    throw new ConditionError(
      `unexpected \`${shown}\` at column ${token.at + 1}; expected \`and\`, \`or\` or the end`,
    );
  }

  private takeWord(word: string): boolean {
    if (this.wordAt(this.position) !== word) return false;
    this.position++;
    return true;
  }

  private wordAt(index: number): string | undefined {
    const token = this.tokens[index];
    return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
  }
}
