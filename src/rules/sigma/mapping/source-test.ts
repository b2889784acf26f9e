import { compileFieldGetter } from '../../../core/index.ts';
import type { EventPredicate } from '../../model.ts';
import { buildEquals } from '../../where/equals.ts';
import { textOf } from '../../where/field-test.ts';
import { memoizeLastEvent } from './last-event-memo.ts';
import type { SourceVariant } from './source-variant.ts';

/** Where an event's id is read, in order (readEventCode). */
export const EVENT_CODE_FIELDS: readonly string[] = ['event.code', 'winlog.event_id'];
const EVENT_CODE = EVENT_CODE_FIELDS.map(compileFieldGetter);

/** The event's id as text (`event.code`, else `winlog.event_id`), lowercased as prefilters are. */
export const readEventCode = memoizeLastEvent((event: unknown): string | undefined => {
  for (const get of EVENT_CODE) {
    const code = get(event);
    if (code !== undefined) return textOf(code)?.toLowerCase();
  }
  return undefined;
});

const originTests = new WeakMap<SourceVariant, EventPredicate>();

/**
 * Whether an event is of the variant's source by its `from` pairs only (not its event id); one
 * test per variant, shared by every rule of that log source.
 */
export function compileOriginTest(variant: SourceVariant): EventPredicate {
  let test = originTests.get(variant);
  if (test === undefined) {
    test = memoizeLastEvent(buildOriginTest(variant));
    originTests.set(variant, test);
  }
  return test;
}

function buildOriginTest(variant: SourceVariant): (event: unknown) => boolean {
  const pairs = variant.from.map(([field, values]) => {
    const get = compileFieldGetter(field);
    if (values.length === 0) return (event: unknown) => get(event) !== undefined;
    const equals = buildEquals(values, false, false);
    return (event: unknown) => equals(get(event));
  });
  if (pairs.length === 0) return () => true;
  return (event) => {
    for (const pair of pairs) if (pair(event)) return true;
    return false;
  };
}

/** The fields compileSourceTest reads for the variant (compileOriginTest: the `from` fields alone). */
export function sourceTestFields(variant: SourceVariant): string[] {
  const from = variant.from.map(([field]) => field);
  return variant.eventCodes === undefined ? from : [...from, ...EVENT_CODE_FIELDS];
}

/** Whether an event is of the variant's source: one of its `from` pairs holds, and its event id fits. */
export function compileSourceTest(variant: SourceVariant): EventPredicate {
  const fromSource = compileOriginTest(variant);
  if (variant.eventCodes === undefined) return fromSource;
  const codes = new Set(variant.eventCodes.map((code) => code.toLowerCase()));
  return (event) => {
    const code = readEventCode(event);
    return code !== undefined && codes.has(code) && fromSource(event);
  };
}
