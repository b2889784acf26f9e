import { isAlias, isMap, isNode, isSeq, visit } from 'yaml';
import type { Node, YAMLError } from 'yaml';
import type { ValidationIssue } from '../../core/index.ts';
import type { YamlSource } from './locate.ts';
import { positionOf } from './locate.ts';

/** klaxon.yaml and every rule file: far above any real one, far below what hurts. */
export const MAX_YAML_BYTES = 1024 * 1024;
/** The `yaml` package's bound on alias expansion (billion laughs); a real file uses a handful. */
export const MAX_YAML_ALIASES = 100;

/** How many nodes aliases may add to a document in all, counted before anything expands them. */
export const MAX_ALIAS_EXPANSION = 10_000;

/** An issue at line 1 when the text is too large to parse; checked before parsing. */
export function checkYamlSize(text: string, file: string): ValidationIssue | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > MAX_YAML_BYTES ? oversizedYamlIssue(file, bytes) : checkYamlFlowDepth(text, file);
}

/** How deep `[` and `{` may nest; a real file nests a few levels, the yaml parser slows past thousands. */
export const MAX_YAML_FLOW_DEPTH = 64;
const MAX_YAML_QUOTE_RUN = 64;

/**
 * Refuses, before parsing, flow collections nested deeper than MAX_YAML_FLOW_DEPTH: one linear scan
 * counting brackets outside quotes and comments (block nesting that deep cannot fit in 1 MiB).
 */
function checkYamlFlowDepth(text: string, file: string): ValidationIssue | undefined {
  let depth = 0;
  let quoteRun = 0;
  let quote = '';
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    quoteRun = c === '"' ? quoteRun + 1 : 0;
    // The yaml lexer takes quadratic time over a run of `"` (20,000 took 0.3 s); no real file has one.
    if (quoteRun > MAX_YAML_QUOTE_RUN)
      return {
        file,
        line,
        column: i - lineStart + 1,
        message: `YAML: more than ${MAX_YAML_QUOTE_RUN} \`"\` in a row`,
      };
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      if (quote === '#') quote = '';
    } else if (quote !== '') {
      if (c === quote && quote !== '#') quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) quote = '#';
    else if (c === '[' || c === '{') {
      if (++depth > MAX_YAML_FLOW_DEPTH)
        return {
          file,
          line,
          column: i - lineStart + 1,
          message: `YAML: nested more than ${MAX_YAML_FLOW_DEPTH} levels deep`,
        };
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

export function oversizedYamlIssue(file: string, bytes: number): ValidationIssue {
  return {
    file,
    line: 1,
    column: 1,
    message: `the file is ${bytes} bytes; a YAML file may be at most ${MAX_YAML_BYTES} bytes (1 MiB)`,
  };
}

export type YamlValue = { ok: true; value: unknown } | { ok: false; issue: ValidationIssue };

/**
 * The node (default: the whole document) as plain data, aliases expanded within bounds. The
 * `yaml` package throws when aliases expand too much; that becomes an issue at the first alias,
 * never an exception.
 */
export function yamlToJs(source: YamlSource, node?: Node): YamlValue {
  try {
    const options = { maxAliasCount: MAX_YAML_ALIASES };
    return { ok: true, value: node ? node.toJS(source.doc, options) : source.doc.toJS(options) };
  } catch (error) {
    const alias = firstAlias(node ?? (source.doc.contents as Node | null));
    const position = positionOf(source, alias);
    const text = error instanceof Error ? error.message : String(error);
    const message = text.startsWith('Excessive alias count')
      ? `YAML: aliases expand to too much data (more than ${MAX_YAML_ALIASES} uses); write the values out`
      : `YAML: ${text}`;
    return {
      ok: false,
      issue: { file: source.file, line: position?.line ?? 1, column: position?.column ?? 1, message },
    };
  }
}

function firstAlias(root: Node | null): Node | undefined {
  let found: Node | undefined;
  if (root === null) return undefined;
  visit(root, {
    Alias(_key, alias) {
      found = alias;
      return visit.BREAK;
    },
  });
  if (found === undefined && isAlias(root)) found = root;
  return found;
}

/** A YAML syntax error or warning as an issue at its line and column. */
export function convertYamlError(error: YAMLError, source: YamlSource): ValidationIssue {
  const { line, col } = source.lineCounter.linePos(error.pos[0]);
  const message = error.message.includes('Maximum call stack size exceeded')
    ? 'YAML: nested too deeply'
    : `YAML: ${error.message}`;
  return { file: source.file, line, column: col, message };
}

interface Frame {
  node: Node;
  children: unknown[];
  next: number;
  size: number;
}

/**
 * Refuses, at the alias that crosses the line, a document whose aliases point into themselves
 * (a loop) or would add more than MAX_ALIAS_EXPANSION nodes (billion laughs). Walks the parsed
 * nodes without expanding anything and without recursion, so no input can exhaust it.
 */
export function checkYamlAliases(source: YamlSource): ValidationIssue | undefined {
  const root = source.doc.contents;
  if (!isNode(root)) return undefined;
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  const stack: Frame[] = [];
  const enter = (node: Node) => {
    if (node.anchor) anchors.set(node.anchor, node);
    open.add(node);
    stack.push({ node, children: childrenOf(node), next: 0, size: 1 });
  };
  let added = 0;
  enter(root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (!isAlias(child)) {
        if (isNode(child)) enter(child);
        continue;
      }
      const target = anchors.get(child.source);
      if (target === undefined) continue; // the yaml package names an unknown anchor itself
      if (open.has(target))
        return aliasIssue(source, child, `alias *${child.source} is inside the node it names (a loop)`);
      const size = sizes.get(target) ?? 1;
      added += size;
      frame.size += size;
      if (added > MAX_ALIAS_EXPANSION) {
        return aliasIssue(
          source,
          child,
          `aliases expand to more than ${MAX_ALIAS_EXPANSION} values; write the values out`,
        );
      }
      continue;
    }
    stack.pop();
    open.delete(frame.node);
    sizes.set(frame.node, frame.size);
    const parent = stack[stack.length - 1];
    if (parent) parent.size += frame.size;
  }
  return undefined;
}

function childrenOf(node: Node): unknown[] {
  if (isMap(node)) return node.items.flatMap((pair) => [pair.key, pair.value]);
  if (isSeq(node)) return node.items;
  return [];
}

function aliasIssue(source: YamlSource, alias: Node, message: string): ValidationIssue {
  const position = positionOf(source, alias);
  return {
    file: source.file,
    line: position?.line ?? 1,
    column: position?.column ?? 1,
    message: `YAML: ${message}`,
  };
}
