import { addMinutes, minutesAfterUpdate } from '../core/index.ts';
import type { Detection, Incident, IncidentCase, MinuteCount, SecurityEvent } from '../core/index.ts';
import { CaseBook } from './case-assignment.ts';
import type { RuleFacts } from './incident.ts';
import { newIncidentOf } from './incident.ts';

/**
 * Turns the engine's episode signals into incidents in memory: a serial per opened episode,
 * counts and last-seen kept current, resolution recorded. `replay` without a store uses it; the
 * store-backed recorder applies the same signals to the database.
 */
export class IncidentBook {
  private readonly byEpisode = new Map<string, Incident>();
  private readonly latestByGroup = new Map<string, number>();
  private readonly incidents: Incident[] = [];
  private readonly caseBook = new CaseBook();
  /**
   * The earlier bursts of an incident a later burst went on in, by serial: their events, and those
   * events' minutes, to which the engine's minutes of the later burst are added.
   */
  private readonly earlierBursts = new Map<
    number,
    { count: number; minutes: readonly MinuteCount[] | undefined }
  >();

  /**
   * `caseEvidence`: what an opening's samples are read as to choose its case, where they are not
   * whole (a replay's light events): any events with the same entity fields (SAMPLE_ENTITY_FIELDS).
   */
  constructor(
    private readonly factsOf: (ruleId: string) => RuleFacts | undefined,
    private readonly caseEvidence?: (samples: readonly SecurityEvent[]) => SecurityEvent[],
  ) {}

  apply(detection: Detection): Incident | undefined {
    if (detection.state === 'opened') return this.continueBurst(detection) ?? this.open(detection);
    const incident = this.byEpisode.get(detection.episodeId);
    if (incident === undefined) return undefined;
    const earlier = this.earlierBursts.get(incident.serial)?.count ?? 0;
    incident.count = earlier + detection.count;
    incident.lastSeen = detection.lastSeen;
    if (earlier === 0) incident.firstSeen = detection.firstSeen;
    incident.minuteCounts = this.minutesOf(incident, earlier, detection);
    incident.samples = detection.samples;
    delete incident.quietSince;
    if (detection.distinct) incident.distinct = detection.distinct;
    if (incident.caseId !== undefined) this.caseBook.extend(incident.caseId, incident.lastSeen);
    if (detection.state === 'resolved') {
      this.byEpisode.delete(detection.episodeId);
      if (this.factsOf(detection.ruleId)?.resolve === 'manual') {
        incident.quietSince = detection.at;
      } else {
        incident.status = 'resolved';
        incident.resolvedAt = detection.at;
        incident.resolvedBy = 'klaxon';
      }
    }
    return incident;
  }

  /** A manual incident of the same rule and group whose burst ended but is still open: the new burst goes on in it. */
  private continueBurst(detection: Detection): Incident | undefined {
    const serial = this.latestByGroup.get(groupKeyOf(detection));
    const incident = serial === undefined ? undefined : this.incidents[serial - 1];
    if (incident === undefined || incident.status === 'resolved' || incident.quietSince === undefined)
      return undefined;
    this.earlierBursts.set(incident.serial, { count: incident.count, minutes: incident.minuteCounts });
    incident.count += detection.count;
    incident.lastSeen = detection.lastSeen;
    incident.minuteCounts = this.minutesOf(incident, incident.count - detection.count, detection);
    incident.samples = detection.samples;
    delete incident.quietSince;
    if (incident.caseId !== undefined) this.caseBook.extend(incident.caseId, incident.lastSeen);
    this.byEpisode.set(detection.episodeId, incident);
    return incident;
  }

  /**
   * The incident's minutes after a signal of its burst: the engine's minutes of the burst, added to
   * the earlier bursts' when it goes on in an earlier incident (the same however often updates
   * come); else what the count grew by, to the minute of last seen (a burst that began earlier).
   */
  private minutesOf(incident: Incident, earlier: number, detection: Detection): MinuteCount[] {
    if (detection.minutes) {
      if (earlier === 0) return detection.minutes;
      const before = this.earlierBursts.get(incident.serial)?.minutes;
      if (before) return addMinutes(before, detection.minutes);
    }
    const update = { count: incident.count, firstSeen: incident.firstSeen, lastSeen: incident.lastSeen };
    return minutesAfterUpdate(
      incident.minuteCounts,
      detection.state === 'opened' ? { ...update, spreadFrom: detection.firstSeen } : update,
    );
  }

  list(): readonly Incident[] {
    return this.incidents;
  }

  /** The cases the incidents form (one per attack), in the order they opened. */
  cases(): IncidentCase[] {
    return this.caseBook.list();
  }

  private open(detection: Detection): Incident {
    const groupKey = groupKeyOf(detection);
    const incident: Incident = {
      ...newIncidentOf(detection, this.factsOf(detection.ruleId)),
      serial: this.incidents.length + 1,
      status: 'open',
    };
    // The engine's minutes (its opening count spread over first..opening time).
    incident.minuteCounts = detection.minutes ?? minutesAfterUpdate(undefined, incident);
    const previous = this.latestByGroup.get(groupKey);
    if (previous !== undefined) incident.previousSerial = previous;
    this.latestByGroup.set(groupKey, incident.serial);
    incident.caseId = this.caseBook.assign(incident, this.caseEvidence?.(incident.samples));
    this.incidents.push(incident);
    this.byEpisode.set(detection.episodeId, incident);
    return incident;
  }
}

function groupKeyOf(detection: Detection): string {
  return `${detection.ruleId}\u0000${JSON.stringify(detection.group)}`;
}
