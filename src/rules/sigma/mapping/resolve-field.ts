import { ownValue } from '../own-value.ts';
import { compileFieldGetter } from '../../../core/index.ts';
import type { FieldGetter } from '../../../core/index.ts';
import { ECS_FIELDS, SYSTEM_FIELDS } from './field-names.ts';
import { memoizeLastEvent } from './last-event-memo.ts';
import type { SourceVariant } from './source-variant.ts';

/**
 * Where a Sigma field may be read on events of one source, in the order tried: Windows System
 * fields, the source's own fields (after its renames), the ECS names, then the name as written
 * (flat documents, or a dotted path written in the rule).
 */
export function fieldCandidates(field: string, variant: SourceVariant): string[] {
  const renamed = ownValue(variant.renames, field) ?? field;
  const candidates = [
    ...(ownValue(SYSTEM_FIELDS, field) ?? []),
    ...(field.includes('.') ? [] : variant.fieldPrefixes.map((prefix) => prefix + renamed)),
    ...(ownValue(ECS_FIELDS, renamed) ?? []),
    ...(renamed === field ? [] : (ownValue(ECS_FIELDS, field) ?? [])),
    renamed,
  ];
  return [...new Set(candidates)];
}

const shared = new WeakMap<SourceVariant, Map<string, FieldGetter>>();

/**
 * A getter returning the first candidate's value that is present; one per source and field,
 * shared by every rule that reads it, remembering its value for the last event.
 */
export function resolveField(field: string, variant: SourceVariant): FieldGetter {
  let byField = shared.get(variant);
  if (byField === undefined) {
    byField = new Map();
    shared.set(variant, byField);
  }
  let getter = byField.get(field);
  if (getter === undefined) {
    getter = memoizeLastEvent(buildResolver(field, variant));
    byField.set(field, getter);
  }
  return getter;
}

function buildResolver(field: string, variant: SourceVariant): FieldGetter {
  const getters = fieldCandidates(field, variant).map(compileFieldGetter);
  if (getters.length === 1) return getters[0] as FieldGetter;
  return (event) => {
    for (const get of getters) {
      const value = get(event);
      if (value !== undefined) return value;
    }
    return undefined;
  };
}
