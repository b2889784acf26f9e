import type { Detection, Incident, SecurityEvent } from '../core/index.ts';
import { materializeEvent } from '../parsers/index.ts';
import { lineEvidenceOf } from './line-evidence.ts';
import { wholeEvent } from './parallel/light-events.ts';

/**
 * Events read by worker threads hold only what the rules read, and selectively parsed ones only
 * their line: evidence needs the whole ones (each parsed once, then kept with its event, unless
 * `keep` is false: a store replay writes few of them, and keeping each would hold it for as long
 * as the engine holds the event).
 */
function wholeSample(event: SecurityEvent, keep = true): SecurityEvent {
  return materializeEvent(wholeEvent(event, keep), keep);
}

/**
 * What a store is given of an event as evidence, made once per checkpoint for an event several
 * detections show: its line (see lineEvidenceOf) if it stands in for one, else the whole event
 * (`wholeSample(event, false)`, not kept).
 */
function writtenOnce(event: SecurityEvent, made: Map<SecurityEvent, SecurityEvent>): SecurityEvent {
  let written = made.get(event);
  if (written === undefined) made.set(event, (written = lineEvidenceOf(event) ?? wholeSample(event, false)));
  return written;
}

/** A replay into a store: the evidence a checkpoint writes, made once per flush and not kept. */
export function withWrittenEvidence(
  detection: Detection,
  made: Map<SecurityEvent, SecurityEvent>,
): Detection {
  return { ...detection, samples: detection.samples.map((event) => writtenOnce(event, made)) };
}

/**
 * A replay in memory: an opening's evidence as its case is chosen from it, the fields case
 * assignment reads parsed from each sample's line (see lineEvidenceOf), else the whole event (kept).
 * The incident keeps the engine's events: only what it shows at the end is made whole.
 */
export function caseEvidence(samples: readonly SecurityEvent[]): SecurityEvent[] {
  return samples.map((event) => lineEvidenceOf(event) ?? wholeSample(event));
}

/** A replay in memory, at the end: the evidence the incidents keep, made whole. */
export function wholeEvidence(incidents: readonly Incident[]): readonly Incident[] {
  for (const incident of incidents) incident.samples = incident.samples.map((event) => wholeSample(event));
  return incidents;
}
