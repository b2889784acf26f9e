import { isObject } from '../../core/index.ts';
import type { PushdownGroup } from './pushdown-query.ts';
import type { PushdownSpec } from './resolve-settings.ts';

const PUSHDOWN_DATASET = 'klaxon.pushdown';

/**
 * The synthetic document for one group over the threshold, shaped as a search hit so the
 * pipeline reads it like any other (see index.ts for the shape).
 */
export function buildPushdownDocument(
  spec: PushdownSpec,
  group: PushdownGroup,
  window: { from: number; to: number },
): Record<string, unknown> {
  const source: Record<string, unknown> = {
    '@timestamp': new Date(window.to).toISOString(),
    event: { dataset: PUSHDOWN_DATASET, count: group.count },
  };
  for (const field of spec.groupBy) setNested(source, field, group.values[field]);
  source.klaxon = {
    pushdown: {
      // Always present, so the shipped `pushdown-threshold` rule can group by them.
      rule: spec.rule ?? 'pushdown',
      key: spec.groupBy.map((field) => `${field}=${String(group.values[field])}`).join(' '),
      group_by: spec.groupBy,
      threshold: spec.threshold,
      window: spec.window,
      count: group.count,
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
    },
  };
  return { _source: source };
}

/** `source.ip` → `{ source: { ip } }`, merging into objects already there (`event.code` joins `event`). */
function setNested(target: Record<string, unknown>, path: string, value: unknown): void {
  const steps = path.split('.');
  let current = target;
  for (const step of steps.slice(0, -1)) {
    const next = Object.hasOwn(current, step) ? current[step] : undefined;
    if (isObject(next)) {
      current = next;
    } else {
      const created: Record<string, unknown> = {};
      Object.defineProperty(current, step, {
        value: created,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      current = created;
    }
  }
  const leaf = steps[steps.length - 1] as string;
  Object.defineProperty(current, leaf, { value, enumerable: true, writable: true, configurable: true });
}
