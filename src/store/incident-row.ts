import { readStoredSample, spreadOverMinutes } from '../core/index.ts';
import type {
  Confidence,
  Incident,
  IncidentStatus,
  MinuteCount,
  ParseEvidenceLine,
  Priority,
  Severity,
} from '../core/index.ts';
import { canonicalGroupKey, groupSearchText } from './group-key.ts';
import { heldSamples, samplesJsonOf, storedColumns, storedRow } from './held-row.ts';
import type { HeldRow } from './held-row.ts';
import type { IncidentTable } from './schema.ts';
import type { IncidentProgress, NewIncident } from './store.ts';

/** The row of a newly opened incident. */
export function toIncidentRow(
  incident: NewIncident,
  serial: number,
  previousSerial: number | undefined,
): IncidentTable {
  return storedRow(toHeldIncidentRow(incident, serial, previousSerial));
}

/** `toIncidentRow` held (see HeldRow): the samples as their array. */
export function toHeldIncidentRow(
  incident: NewIncident,
  serial: number,
  previousSerial: number | undefined,
): HeldRow {
  return { ...openingColumns(incident, serial, previousSerial), ...heldSamples(incident.samples) };
}

function openingColumns(
  incident: NewIncident,
  serial: number,
  previousSerial: number | undefined,
): Omit<HeldRow, 'samples_json'> {
  return {
    serial,
    episode_id: incident.episodeId,
    rule_id: incident.ruleId,
    title: incident.title,
    status: 'open',
    group_key: canonicalGroupKey(incident.group),
    group_json: JSON.stringify(incident.group),
    group_values: groupSearchText(incident.group),
    count: incident.count,
    first_seen: incident.firstSeen,
    last_seen: incident.lastSeen,
    opened_at: incident.openedAt,
    severity: incident.severity,
    confidence: incident.confidence,
    priority: incident.priority,
    attack_json: JSON.stringify(incident.attack),
    runbook: incident.runbook ?? null,
    sigma_json: incident.sigma === undefined ? null : JSON.stringify(incident.sigma),
    distinct_json: incident.distinct === undefined ? null : JSON.stringify(incident.distinct),
    previous_serial: previousSerial ?? null,
    assignee: null,
    acknowledged_at: null,
    acknowledged_by: null,
    resolved_at: null,
    resolved_by: null,
    resolution: null,
    case_id: null,
    quiet_since: null,
    earlier_count: 0,
    earlier_minute_counts: null,
    // Without the engine's minutes: the opening count spread over its first..last seen minutes.
    minute_counts:
      incident.minutes ?? spreadOverMinutes([], incident.firstSeen, incident.lastSeen, incident.count),
  };
}

/**
 * The columns an engine update changes, for a held row (see HeldRow): the samples as their array;
 * `samples` and `distinct` only when the update carries them.
 */
export function heldProgressColumns(progress: IncidentProgress): Partial<HeldRow> {
  const columns: Partial<HeldRow> = {
    count: progress.count,
    first_seen: progress.firstSeen,
    last_seen: progress.lastSeen,
  };
  if (progress.samples !== undefined) Object.assign(columns, heldSamples(progress.samples));
  if (progress.distinct !== undefined) columns.distinct_json = JSON.stringify(progress.distinct);
  return columns;
}

/** heldProgressColumns as a statement's columns: the samples as JSON. */
export function toProgressColumns(progress: IncidentProgress): Partial<IncidentTable> {
  return storedColumns(heldProgressColumns(progress));
}

/**
 * The incident of a row an engine write just made (or a replay reads back, see
 * IncidentRepository.bySerials): its samples (whole events, most of the row) and minutes are
 * parsed only when read, and a replay's noise control reads neither.
 */
export function toWrittenIncident(row: HeldRow, parse?: ParseEvidenceLine): Incident {
  return incidentOfRow(row, true, parse);
}

/** `parse`: what evidence stored as its line is parsed whole with (see readStoredSample). */
export function toIncident(row: IncidentTable, parse?: ParseEvidenceLine): Incident {
  return incidentOfRow(row, false, parse);
}

function incidentOfRow(row: HeldRow, parseLater: boolean, parse: ParseEvidenceLine | undefined): Incident {
  // `samples` is added next, in its place among the keys: made a getter in place of a property
  // the object was created with, it left every incident with slow (dictionary) properties.
  const incident = {
    serial: Number(row.serial),
    episodeId: row.episode_id,
    ruleId: row.rule_id,
    title: row.title,
    status: row.status as IncidentStatus,
    group: JSON.parse(row.group_json) as Incident['group'],
    count: Number(row.count),
    firstSeen: Number(row.first_seen),
    lastSeen: Number(row.last_seen),
    openedAt: Number(row.opened_at),
    severity: row.severity as Severity,
    confidence: row.confidence as Confidence,
    priority: row.priority as Priority,
    attack: JSON.parse(row.attack_json) as string[],
  } as Incident;
  if (parseLater) parseSamplesWhenRead(incident, { row, parse });
  else incident.samples = readSamples({ row, parse });
  if (row.runbook !== null) incident.runbook = row.runbook;
  if (row.sigma_json !== null && row.sigma_json !== undefined)
    incident.sigma = JSON.parse(row.sigma_json) as Incident['sigma'];
  if (row.distinct_json !== null) incident.distinct = JSON.parse(row.distinct_json) as Incident['distinct'];
  if (row.previous_serial !== null) incident.previousSerial = Number(row.previous_serial);
  if (row.assignee !== null) incident.assignee = row.assignee;
  if (row.acknowledged_at !== null) incident.acknowledgedAt = Number(row.acknowledged_at);
  if (row.acknowledged_by !== null) incident.acknowledgedBy = row.acknowledged_by;
  if (row.resolved_at !== null) incident.resolvedAt = Number(row.resolved_at);
  if (row.resolved_by !== null) incident.resolvedBy = row.resolved_by;
  if (row.resolution !== null) incident.resolution = row.resolution;
  if (row.case_id !== null && row.case_id !== undefined) incident.caseId = Number(row.case_id);
  if (row.quiet_since !== null) incident.quietSince = Number(row.quiet_since);
  const minutes = row.minute_counts;
  if (minutes === null || minutes === undefined) return incident;
  if (typeof minutes !== 'string') readMinutesWhenRead(incident, minutes);
  else if (parseLater) parseMinutesWhenRead(incident, minutes);
  else incident.minuteCounts = JSON.parse(minutes) as Incident['minuteCounts'];
  return incident;
}

/**
 * Makes `key` of an object a property made from `source` at its first read (`valueOf`), or set at
 * its first write, then a plain one in its place among the keys. One getter and setter for all
 * objects (no closures per incident: a replay makes one per write).
 */
function madeWhenRead<S>(key: string, valueOf: (source: S) => unknown) {
  const sources = new WeakMap<object, S>();
  const settle = (target: object, value: unknown) => {
    sources.delete(target);
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  };
  const descriptor: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: object) {
      const value = valueOf(sources.get(this) as S);
      settle(this, value);
      return value;
    },
    set(this: object, value: unknown) {
      settle(this, value);
    },
  };
  return (target: object, source: S): void => {
    sources.set(target, source);
    Object.defineProperty(target, key, descriptor);
  };
}

interface StoredSamples {
  row: HeldRow;
  parse: ParseEvidenceLine | undefined;
}

/**
 * The samples (whole events, most of the row), made JSON first if the row holds them as their
 * array (so that a caller never shares the writer's objects); evidence stored as its line is parsed whole.
 */
function readSamples({ row, parse }: StoredSamples): Incident['samples'] {
  const stored = JSON.parse(samplesJsonOf(row)) as unknown[];
  return stored.map((sample) => readStoredSample(sample, parse));
}

const parseSamplesWhenRead = madeWhenRead<StoredSamples>('samples', readSamples);
/** The minutes: a replay's noise control reads none, and up to a day of them is written at each change. */
const parseMinutesWhenRead = madeWhenRead<string>('minuteCounts', (json) => JSON.parse(json));
/** Minutes a row holds as their list: a copy (the row's list is shared, its pairs too). */
const readMinutesWhenRead = madeWhenRead<readonly MinuteCount[]>('minuteCounts', (list) =>
  list.map(([minute, events]) => [minute, events]),
);
