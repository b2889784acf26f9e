import { isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { readKey } from '../yaml/locate.ts';
import type { NodePath } from '../yaml/locate.ts';
import type { PathIssue } from '../yaml/path-issue.ts';
import { unmaskReferences } from './mask-references.ts';

export type LookupVariable = (name: string) => string | undefined;

export interface Substitution {
  /** Unset variables and malformed references, at the value that uses them. */
  issues: PathIssue[];
  /** Every value a variable supplied, so that issue messages can be scrubbed of them. */
  supplied: string[];
}

const REFERENCE = /\$\$\{|\$\{([^}]*)\}?/g;
const NAME_AND_DEFAULT = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s;

/**
 * Replaces `${NAME}` (and `${NAME:-default}`; `$${` stands for a literal `${`) in the string
 * scalar values of the document, in place. Keys are left alone. The result of a substitution
 * is always a string and is never parsed as YAML, so a value holding `]` or `: x` cannot
 * change the document's structure.
 */
export function substituteVariables(
  doc: Document,
  lookup: LookupVariable,
  options: { masked: boolean },
): Substitution {
  const substitution: Substitution = { issues: [], supplied: [] };
  visitScalars(doc.contents, [], options.masked, (scalar, path) => {
    if (typeof scalar.value !== 'string') return;
    const text = options.masked ? unmaskReferences(scalar.value) : scalar.value;
    scalar.value = text.includes('$') ? expandText(text, path, lookup, substitution) : text;
  });
  return substitution;
}

function expandText(text: string, path: NodePath, lookup: LookupVariable, into: Substitution): string {
  return text.replace(REFERENCE, (whole, inner: string | undefined) => {
    if (whole === '$${') return '${';
    const reference = whole.endsWith('}') ? NAME_AND_DEFAULT.exec(inner ?? '') : null;
    if (!reference) {
      // The text is not quoted: it may be part of a password written in the file.
      const message = whole.endsWith('}')
        ? 'malformed variable reference: write ${NAME} or ${NAME:-default} ($${ for a literal ${)'
        : 'a `${` is never closed: write ${NAME} ($${ for a literal ${)';
      into.issues.push({ path, message });
      return '';
    }
    const name = reference[1] as string;
    const value = lookup(name);
    if (value !== undefined) {
      into.supplied.push(value);
      return value;
    }
    if (reference[2] !== undefined) return reference[2];
    into.issues.push({ path, message: `variable \`${name}\` is not set (in the environment or .env)` });
    return '';
  });
}

type ScalarNode = { value: unknown };
type Visit = (scalar: ScalarNode, path: NodePath) => void;

function visitScalars(node: unknown, path: NodePath, masked: boolean, visit: Visit): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      // Keys are not substituted, only given back the characters masking took from them.
      if (masked && isScalar(pair.key) && typeof pair.key.value === 'string') {
        pair.key.value = unmaskReferences(pair.key.value);
      }
      visitScalars(pair.value, [...path, readKey(pair.key)], masked, visit);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => visitScalars(item, [...path, index], masked, visit));
  } else if (isScalar(node)) {
    visit(node, path);
  }
  // Aliases are skipped: the anchored node they point to is substituted where it is written.
}
