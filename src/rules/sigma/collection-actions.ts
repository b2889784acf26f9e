import { isObject } from '../../core/index.ts';
import type { SigmaDocument } from './types.ts';

/**
 * Sigma rule collections (still read by pySigma): `action: global` sets a template merged into
 * every later document of the file (its values win, maps merge deeply), `action: reset` drops it,
 * `action: repeat` is the previous rule with this document's values laid over it. Global and
 * reset documents are consumed; an unknown action becomes an invalid document.
 */
export function applyCollectionActions(
  documents: readonly SigmaDocument[],
  kindOf: (body: Record<string, unknown>) => SigmaDocument['kind'],
): SigmaDocument[] {
  let template: Record<string, unknown> = {};
  let previous: Record<string, unknown> | undefined;
  const result: SigmaDocument[] = [];
  for (const doc of documents) {
    const action = doc.kind === 'invalid' ? undefined : doc.body.action;
    if (action === undefined) {
      if (doc.kind === 'invalid') {
        result.push(doc);
        continue;
      }
      const body = mergeDeep(structuredClone(doc.body), template);
      previous = body;
      result.push({ ...doc, body, kind: kindOf(body) });
    } else if (action === 'global') {
      const { action: _action, ...rest } = doc.body;
      template = rest;
      previous = template;
    } else if (action === 'reset') {
      template = {};
    } else if (action === 'repeat' && previous !== undefined) {
      const { action: _action, ...rest } = doc.body;
      const body = mergeDeep(structuredClone(previous), rest);
      previous = body;
      result.push({ ...doc, body, kind: kindOf(body) });
    } else {
      const message =
        action === 'repeat'
          ? '`action: repeat` needs a rule before it'
          : `unknown collection action \`${String(action)}\`; expected global, reset or repeat`;
      const line = doc.lineOf(['action']);
      result.push({ ...doc, kind: 'invalid', body: {}, error: { line, message } });
    }
  }
  return result;
}

/** Lays `source` over `target` (maps merge, anything else replaces), as pySigma's deep update. */
function mergeDeep(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    if (key === '__proto__') continue;
    const current = target[key];
    target[key] =
      isObject(value) && isObject(current)
        ? mergeDeep({ ...current }, value)
        : isObject(value)
          ? mergeDeep({}, value)
          : value;
  }
  return target;
}
