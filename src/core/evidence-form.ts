import type { SecurityEvent } from './event.ts';

/**
 * A method an event may have that gives what the engine keeps of it as evidence, the same object
 * each time: an event read from a file may stand in by where its line is (a few numbers and its
 * time) rather than by the fields the rules read. The stand-in is made whole (its line parsed
 * again) before anything but the engine reads it; JSON.stringify writes it whole.
 */
export const EVIDENCE_FORM = Symbol('klaxon.evidenceForm');

interface WithEvidenceForm {
  [EVIDENCE_FORM]?: () => SecurityEvent;
}

/** What the engine keeps of `event` to show as evidence: its stand-in, if it has one, else itself. */
export function evidenceOf(event: SecurityEvent): SecurityEvent {
  const form = (event as WithEvidenceForm)[EVIDENCE_FORM];
  return form === undefined ? event : form.call(event);
}
