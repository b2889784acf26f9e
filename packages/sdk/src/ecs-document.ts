/** An ECS document as the ingest API takes it: nested objects (`{ user: { name } }`) or dotted keys. */
export type EcsDocument = Record<string, unknown>;

/** A document ready to queue, or why it cannot be sent (naming the field, never quoting its value). */
export type BuildResult = { ok: true; doc: EcsDocument } | { ok: false; message: string };

/**
 * A raw ECS document with what Klaxon needs filled in where the caller left it out: `@timestamp`
 * (the time it was reported, not the time the batch reaches Klaxon) and `service.name`. The caller's
 * object is not changed.
 */
export function completeEcsDocument(doc: unknown, service: string, now: number): BuildResult {
  if (!isPlainObject(doc)) return { ok: false, message: 'reportEcs(): the event must be a plain object' };
  const complete: EcsDocument = { ...doc };
  if (complete['@timestamp'] === undefined) complete['@timestamp'] = new Date(now).toISOString();
  if (complete['service.name'] === undefined) {
    const current = complete['service'];
    if (current === undefined) complete['service'] = { name: service };
    else if (isPlainObject(current) && current['name'] === undefined) {
      complete['service'] = { ...current, name: service };
    }
  }
  return { ok: true, doc: complete };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
