import type { Detection, Incident, SecurityEvent } from '../core/index.ts';
import type { IncidentProgress, NewIncident, StoreOperations } from '../store/index.ts';
import type { RuleFacts } from './incident.ts';
import { newIncidentOf } from './incident.ts';
import { assignCase, readCasesFor } from './case-assignment.ts';
import type { Pending } from './pending-signals.ts';
import { isSignal, isSuperseded, isUpdate, supersede } from './pending-signals.ts';

/** Openings in one flush from which reading what they need up front pays (see `expectOpens`). */
const PREPARE_FROM = 3;

/** An incident as one batch of detections changed it. */
export interface IncidentChange {
  kind: Detection['state'];
  incident: Incident;
  /** Matching events since this incident's previous change was written. */
  newEvents: number;
}

/** An episode's signal the store holds: its count, and its incident's case (see SupersededUpdate). */
interface WrittenEpisode {
  count: number;
  caseId: number | undefined;
}

/** The recorder's state before a flush (see `mark`). */
export interface RecorderMark {
  readonly pending: readonly Pending[];
  readonly written: ReadonlyMap<string, WrittenEpisode>;
}

/**
 * Collects the engine's detections and writes them to the store in batches, off the per-event
 * path: one transaction per batch, in which the caller also saves the engine snapshot and input
 * position, so that a crash loses nothing and repeats nothing. Several updates of one episode
 * in a batch become one write.
 */
export class IncidentRecorder {
  private pending: Pending[] = [];
  /** Where each episode's latest pending update sits in `pending`. */
  private readonly latestUpdate = new Map<string, number>();
  /** Each episode written and not resolved yet: its count then, and its incident's case. */
  private readonly written = new Map<string, WrittenEpisode>();
  /** Signals of this flush whose samples the store holds already (see `samplesAsWritten`). */
  private readonly unchangedSamples = new WeakSet<Detection>();
  /** The incident each opening of a flush becomes, made once (prepared, continued, then opened). */
  private readonly openings = new WeakMap<Detection, NewIncident>();

  /**
   * `openOnce`: an episode whose incident exists already is updated, not opened again. Live
   * operation commits incidents at once but checkpoints the engine only every few seconds, so
   * after a crash the events since the checkpoint are detected again, with the same episode ids.
   */
  constructor(
    private readonly factsOf: (ruleId: string) => RuleFacts | undefined,
    private readonly options: {
      openOnce?: boolean;
      /**
       * Makes a detection's evidence whole, for those written only (not the updates a later one
       * superseded). `made`: the whole events made so far in this flush, by the event they stand
       * for (an event is evidence of several detections: an opening and its resolve, several rules).
       */
      evidence?: (detection: Detection, made: Map<SecurityEvent, SecurityEvent>) => Detection;
    } = {},
  ) {}

  add(detection: Detection): void {
    const at = this.latestUpdate.get(detection.episodeId);
    if (at !== undefined) this.pending[at] = supersede(this.pending[at] as Detection);
    if (detection.state === 'updated') this.latestUpdate.set(detection.episodeId, this.pending.length);
    else this.latestUpdate.delete(detection.episodeId);
    this.pending.push(detection);
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** What a `flush` is about to take, so that `rollback` can put it back if its transaction fails. */
  mark(): RecorderMark {
    return { pending: [...this.pending], written: new Map(this.written) };
  }

  /** The transaction of the flush after `mark` rolled back: its detections are pending again, first. */
  rollback(mark: RecorderMark): void {
    this.pending = [...mark.pending, ...this.pending];
    this.latestUpdate.clear(); // flush still writes only the last signal of each episode
    this.written.clear();
    for (const [episode, written] of mark.written) this.written.set(episode, written);
  }

  /**
   * The pending detections, for a `flush` called later (once its transaction began) that must
   * write exactly these: what the engine signals meanwhile waits for the next one.
   */
  take(): Pending[] {
    const pending = this.pending;
    this.pending = [];
    this.latestUpdate.clear();
    return pending;
  }

  /**
   * Writes the pending detections (or those `take` took) with `tx` and returns the incidents they changed, in order.
   * `reconcile` (the retry of a commit whose outcome is unknown): a detection the store already
   * holds is skipped, so the retry neither repeats a change nor enqueues its notification twice.
   */
  async flush(
    tx: StoreOperations,
    options: { reconcile?: boolean } = {},
    pending: readonly Pending[] = this.take(),
  ): Promise<IncidentChange[]> {
    const lastIndex = new Map<string, number>();
    pending.forEach((detection, index) => lastIndex.set(detection.episodeId, index));
    // An update superseded by a later signal of the same episode in this batch need not be written
    // (a batch put back by `rollback` may hold such updates whole).
    const evidence = this.options.evidence;
    const made = new Map<SecurityEvent, SecurityEvent>();
    const detections = pending.map((detection, index): Pending => {
      if (isSuperseded(detection)) return detection;
      if (detection.state === 'updated' && lastIndex.get(detection.episodeId) !== index)
        return supersede(detection);
      if (options.reconcile !== true && this.samplesAsWritten(detection))
        return this.withoutSamples(detection);
      return evidence ? evidence(detection, made) : detection;
    });
    if (!options.reconcile) await this.prepareOpens(tx, detections.filter(isSignal));
    const changes: IncidentChange[] = [];
    for (let index = 0; index < detections.length;) {
      const detection = detections[index] as Pending;
      if (isSuperseded(detection)) {
        const caseId = this.written.get(detection.episodeId)?.caseId;
        if (caseId !== undefined) await tx.cases.extend(caseId, detection.lastSeen);
        index++;
        continue;
      }
      if (detection.state === 'updated' && !options.reconcile) {
        // A run of updates (the engine reports them together) is written together.
        let end = index;
        while (isUpdate(detections[end])) end++;
        await this.writeUpdates(tx, detections.slice(index, end) as Detection[], changes);
        index = end;
        continue;
      }
      index++;
      if (options.reconcile && (await this.alreadyStored(tx, detection))) continue;
      const written = await this.write(tx, detection);
      if (written !== undefined) this.record(changes, detection, written.kind, written.incident);
    }
    return changes;
  }

  /**
   * Samples change only with a matching event, and the count with it: a signal of an episode at
   * the count last written carries the samples written then, neither made whole nor written again
   * (a replay's final resolves would otherwise write every incident's evidence once more).
   */
  private samplesAsWritten(detection: Detection): boolean {
    return detection.state !== 'opened' && this.written.get(detection.episodeId)?.count === detection.count;
  }

  private withoutSamples(detection: Detection): Detection {
    const bare = { ...detection, samples: [] };
    this.unchangedSamples.add(bare);
    return bare;
  }

  /** Many openings (a replay's batch): what they need is read in a few statements, not one each. */
  private async prepareOpens(tx: StoreOperations, detections: readonly Detection[]): Promise<void> {
    if (this.options.openOnce) return;
    const opening = detections.filter((detection) => detection.state === 'opened');
    if (opening.length < PREPARE_FROM) return;
    await tx.incidents.expectOpens(opening.map((d) => this.openingOf(d)));
    await readCasesFor(tx.cases, opening);
  }

  private openingOf(detection: Detection): NewIncident {
    let opening = this.openings.get(detection);
    if (opening === undefined) {
      opening = newIncidentOf(detection, this.factsOf(detection.ruleId));
      this.openings.set(detection, opening);
    }
    return opening;
  }

  private async writeUpdates(
    tx: StoreOperations,
    updates: readonly Detection[],
    changes: IncidentChange[],
  ): Promise<void> {
    const incidents = await tx.incidents.progressMany(
      updates.map((update) => ({ episodeId: update.episodeId, progress: this.progressOf(update) })),
    );
    for (const [index, update] of updates.entries()) {
      const incident = await extendCase(tx, incidents[index]);
      if (incident !== undefined) this.record(changes, update, 'updated', incident);
    }
  }

  private progressOf(detection: Detection): IncidentProgress {
    return {
      count: detection.count,
      firstSeen: detection.firstSeen,
      lastSeen: detection.lastSeen,
      ...(!this.unchangedSamples.has(detection) && { samples: detection.samples }),
      ...(detection.distinct && { distinct: detection.distinct }),
      ...(detection.minutes && { minutes: detection.minutes }),
    };
  }

  private record(
    changes: IncidentChange[],
    detection: Detection,
    kind: Detection['state'],
    incident: Incident,
  ): void {
    const earlier = this.written.get(detection.episodeId);
    changes.push({ kind, incident, newEvents: Math.max(0, detection.count - (earlier?.count ?? 0)) });
    if (detection.state === 'resolved') this.written.delete(detection.episodeId);
    else
      this.written.set(detection.episodeId, {
        count: detection.count,
        caseId: incident.caseId ?? earlier?.caseId,
      });
  }

  private async alreadyStored(tx: StoreOperations, detection: Detection): Promise<boolean> {
    if (detection.state === 'opened') return false;
    const existing = await tx.incidents.findByEpisode(detection.episodeId);
    if (!existing) return false;
    if (detection.state === 'resolved') return existing.resolvedAt !== undefined;
    return existing.count >= detection.count && existing.lastSeen >= detection.lastSeen;
  }

  private async write(
    tx: StoreOperations,
    detection: Detection,
  ): Promise<{ kind: Detection['state']; incident: Incident } | undefined> {
    if (detection.state === 'opened' && this.options.openOnce) {
      const existing = await tx.incidents.findByEpisode(detection.episodeId);
      // Detected again after a crash or a commit whose outcome was unknown: nothing new to tell.
      if (existing && existing.count >= detection.count && existing.lastSeen >= detection.lastSeen)
        return undefined;
      if (existing) {
        const incident = await this.save(tx, { ...detection, state: 'updated' });
        return incident && { kind: 'updated', incident };
      }
    }
    if (detection.state === 'opened') {
      // A new burst while the incident of the rule and group is still open: it goes on.
      const continued = await extendCase(tx, await tx.incidents.continueBurst(this.openingOf(detection)));
      if (continued) return { kind: 'updated', incident: continued };
    }
    const incident = await this.save(tx, detection);
    if (incident === undefined) return undefined;
    // A burst that ended while its incident stays open (manual, or acknowledged) is an update.
    const kind =
      detection.state === 'resolved' && incident.status !== 'resolved' ? 'updated' : detection.state;
    return { kind, incident };
  }

  private async save(tx: StoreOperations, detection: Detection): Promise<Incident | undefined> {
    const progress = this.progressOf(detection);
    switch (detection.state) {
      case 'opened': {
        const opening = this.openingOf(detection);
        return assignCase(tx.cases, await tx.incidents.open(opening), opening.samples);
      }
      case 'updated':
        return extendCase(tx, await tx.incidents.progress(detection.episodeId, progress));
      case 'resolved':
        return extendCase(
          tx,
          await tx.incidents.resolveEpisode(detection.episodeId, detection.at, progress, {
            manual: this.factsOf(detection.ruleId)?.resolve === 'manual',
          }),
        );
    }
  }
}

async function extendCase(
  tx: StoreOperations,
  incident: Incident | undefined,
): Promise<Incident | undefined> {
  if (incident?.caseId !== undefined) await tx.cases.extend(incident.caseId, incident.lastSeen);
  return incident;
}
