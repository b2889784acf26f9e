import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const README = join(import.meta.dirname, '..', '..', 'README.md');

export interface CodeBlock {
  language: string;
  /** 1-based line of the opening fence. */
  line: number;
  text: string;
}

/** The fenced code blocks of the README, indentation of a list item taken off. */
export function readmeBlocks(path = README): CodeBlock[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i] ?? ''); i++)
      body.push((lines[i] ?? '').slice(indent));
    blocks.push({ language: open[2] ?? '', line: start + 1, text: `${body.join('\n')}\n` });
  }
  return blocks;
}

const CONFIG_KEYS = new Set([
  'store',
  'rules',
  'builtin_rules',
  'detection',
  'sources',
  'server',
  'channels',
  'routes',
  'heartbeat',
]);

/** A whole klaxon.yaml: only configuration keys, and the store named (an excerpt such as `routes:` alone is not). */
export function isWholeConfig(block: CodeBlock): boolean {
  const value = block.language === 'yaml' ? topLevel(block.text) : undefined;
  return value !== undefined && 'store' in value && Object.keys(value).every((key) => CONFIG_KEYS.has(key));
}

/** A detection rule: a map with an `id` and a `type`. */
export function isRule(block: CodeBlock): boolean {
  const value = block.language === 'yaml' ? topLevel(block.text) : undefined;
  return value !== undefined && 'id' in value && 'type' in value;
}

function topLevel(text: string): Record<string, unknown> | undefined {
  // Klaxon replaces ${NAME} before it parses; a block that does not parse is not an example of either kind.
  try {
    const value: unknown = parse(text.replace(/\$\{\w+\}/g, 'placeholder'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Each `npx klaxon ...` line of the shell blocks, as the words after `klaxon`, its comment cut off. */
export function readmeCommands(blocks: CodeBlock[]): Array<{ line: number; words: string[] }> {
  const found: Array<{ line: number; words: string[] }> = [];
  for (const block of blocks.filter((b) => b.language === 'sh')) {
    block.text.split('\n').forEach((text, index) => {
      const match = /^npx klaxon (.*)$/.exec(text.trim());
      if (match?.[1]) found.push({ line: block.line + 1 + index, words: shellWords(match[1]) });
    });
  }
  return found;
}

/** Splits like a shell: quotes group words, an unquoted # after a space starts a comment. */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|'([^']*)'|(#.*$)|(\S+)/g)) {
    if (match[3] !== undefined) break;
    words.push(match[1] ?? match[2] ?? match[4] ?? '');
  }
  return words;
}
