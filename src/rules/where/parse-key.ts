import { FIELD_PATH_HINT, isFieldPath } from '../field-path.ts';
import { formatSuggestion } from '../../config/index.ts';
import { FLAG_MODIFIERS, OPERATORS, isOperatorName } from './operator.ts';
import type { OperatorName } from './operator.ts';

export interface WhereKey {
  field: string;
  operator: OperatorName;
  cased: boolean;
  all: boolean;
}

const MODIFIERS = [...Object.keys(OPERATORS).filter((name) => name !== 'equals'), ...FLAG_MODIFIERS];

/** Splits `field|modifier|...` and checks the modifiers fit together. */
export function parseWhereKey(key: string): WhereKey | { error: string } {
  const [field = '', ...modifiers] = key.split('|');
  if (!isFieldPath(field)) return { error: `invalid field \`${field}\`; ${FIELD_PATH_HINT}` };
  let operator: OperatorName = 'equals';
  let cased = false;
  let all = false;
  for (const modifier of modifiers) {
    if (modifier === 'cased' || modifier === 'all') {
      if (modifier === 'cased' ? cased : all) return { error: `modifier \`${modifier}\` given twice` };
      if (modifier === 'cased') cased = true;
      else all = true;
    } else if (isOperatorName(modifier)) {
      if (operator !== 'equals')
        return { error: `modifiers \`${operator}\` and \`${modifier}\` cannot be combined` };
      operator = modifier;
    } else {
      const label = modifier === '' ? 'empty modifier' : `unknown modifier \`${modifier}\``;
      return {
        error: `${label}; expected one of ${MODIFIERS.join(', ')}${formatSuggestion(modifier, MODIFIERS)}`,
      };
    }
  }
  const spec = OPERATORS[operator];
  if (cased && !spec.allowsCased) return { error: `\`cased\` has no effect with \`${operator}\`` };
  if (all && !spec.allowsAll) return { error: `\`all\` cannot be used with \`${operator}\`` };
  return { field, operator, cased, all };
}
