import { compileFieldGetter } from '../../../core/index.ts';
import type { EventPredicate } from '../../model.ts';
import { buildEquals } from '../../where/equals.ts';
import type { SourceVariant } from './source-variant.ts';

const EVENT_CODE = ['event.code', 'winlog.event_id'].map(compileFieldGetter);

/** Whether an event is of the variant's source: one of its `from` pairs holds, and its event id fits. */
export function compileSourceTest(variant: SourceVariant): EventPredicate {
  const pairs = variant.from.map(([field, values]) => {
    const get = compileFieldGetter(field);
    if (values.length === 0) return (event: unknown) => get(event) !== undefined;
    const equals = buildEquals(values, false, false);
    return (event: unknown) => equals(get(event));
  });
  const fromSource: EventPredicate =
    pairs.length === 0 ? () => true : (event) => pairs.some((pair) => pair(event));
  if (variant.eventCodes === undefined) return fromSource;
  const codes = buildEquals(variant.eventCodes, false, false);
  const hasCode: EventPredicate = (event) => {
    for (const get of EVENT_CODE) {
      const code = get(event);
      if (code !== undefined) return codes(code);
    }
    return false;
  };
  return (event) => hasCode(event) && fromSource(event);
}
