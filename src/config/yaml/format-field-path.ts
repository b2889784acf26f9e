import type { NodePath } from './locate.ts';

/** `['steps', 1, 'where']` → `steps[1].where`. */
export function formatFieldPath(path: NodePath): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else text += text === '' ? step : `.${step}`;
  }
  return text;
}
