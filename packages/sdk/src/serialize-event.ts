import type { BuildResult } from './ecs-document.ts';
import { MAX_EVENT_BYTES } from './event-queue.ts';
import { utf8Bytes } from './portable.ts';

export type SerializedEvent = { ok: true; json: string; bytes: number } | { ok: false; message: string };

/** A built event as the JSON that goes into a batch, or why it cannot go (never quoting it). */
export function serializeEvent(built: BuildResult): SerializedEvent {
  if (!built.ok) return built;
  let json: string;
  try {
    json = JSON.stringify(built.doc);
  } catch {
    return { ok: false, message: 'the event cannot be serialized as JSON (a cycle or a BigInt?)' };
  }
  const bytes = utf8Bytes(json);
  if (bytes > MAX_EVENT_BYTES) {
    return { ok: false, message: `the event is ${bytes} bytes, above the 1 MiB request limit` };
  }
  return { ok: true, json, bytes };
}
