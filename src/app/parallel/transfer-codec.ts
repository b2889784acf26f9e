import type { SecurityEvent } from '../../core/index.ts';

/** Events as they cross from a worker to the main thread. */
export type EncodedEvents = string | SecurityEvent[] | { json: string; originals: string[] };

const MODE = process.env.KLAXON_CODEC ?? 'json-orig';

export function encodeEvents(events: SecurityEvent[]): EncodedEvents {
  if (MODE === 'clone') return events;
  if (MODE === 'json') return JSON.stringify(events);
  const originals: string[] = [];
  for (const event of events) {
    const fields = event.event as unknown as Record<string, unknown>;
    if (typeof fields.original === 'string') {
      originals.push(fields.original);
      fields.original = originals.length - 1;
    }
  }
  return { json: JSON.stringify(events), originals };
}

export function decodeEvents(encoded: EncodedEvents): SecurityEvent[] {
  if (Array.isArray(encoded)) return encoded;
  if (typeof encoded === 'string') return JSON.parse(encoded) as SecurityEvent[];
  const events = JSON.parse(encoded.json) as SecurityEvent[];
  for (const event of events) {
    const fields = event.event as unknown as Record<string, unknown>;
    if (typeof fields.original === 'number') fields.original = encoded.originals[fields.original];
  }
  return events;
}
