/** A dotted ECS field path: no whitespace, no `|`, no empty segments (`source.ip`, `@timestamp`). */
const FIELD_PATH = /^[^\s.|]+(?:\.[^\s.|]+)*$/;

export function isFieldPath(text: string): boolean {
  return FIELD_PATH.test(text);
}

export const FIELD_PATH_HINT = 'expected a dotted field path like `source.ip`';
