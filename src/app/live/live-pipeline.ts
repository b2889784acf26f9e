import type { Detection, Notification, SecurityEvent } from '../../core/index.ts';
import type { DetectionEngine } from '../../detection/index.ts';
import { createDetectionEngine } from '../../detection/index.ts';
import type { IncidentChange, PassedChange, RecorderMark } from '../../incidents/index.ts';
import { IncidentRecorder, NoiseStage } from '../../incidents/index.ts';
import type { DetailLevel, DigestSnapshot, Route, SavedGroup } from '../../routing/index.ts';
import { EscalationStage, NotifyStage } from '../../routing/index.ts';
import type { Rule } from '../../rules/index.ts';
import type { Store } from '../../store/index.ts';
import type { LiveCheckpoint } from './live-checkpoint.ts';
import { saveLiveCheckpoint } from './live-checkpoint.ts';

export interface LivePipelineOptions {
  store: Store;
  rules: readonly Rule[];
  routes: readonly Route[];
  channelDetail?: Readonly<Record<string, DetailLevel>>;
  publicUrl?: string;
  toleranceMs?: number;
  /** How far ahead of the wall clock an event may be dated before it counts as `future` (default 5 min). */
  maxFutureMs?: number;
  now: () => number;
  /** The last checkpoint, to continue from. */
  resume?: LiveCheckpoint;
  /** The groups of `group_by` routes as the store kept them. */
  groups?: SavedGroup[];
  /** Incident changes after they were committed (for the dashboard's live updates). */
  onCommitted?: (changes: readonly IncidentChange[]) => void;
}

export interface LiveTally {
  events: number;
  detections: number;
  commits: number;
  checkpoints: number;
  notified: number;
  /** Escalation messages enqueued (one per channel of each step fired). */
  escalated: number;
}

/**
 * Detection → incidents → noise control → routing → outbox, in one process, fed by the sources.
 * Incident changes are committed as soon as there are some (with their notifications, in one
 * transaction), so delivery starts at once; the engine snapshot and source positions are
 * checkpointed every few seconds. After a crash the events since the checkpoint are detected
 * again, and the recorder updates the incidents they had already opened instead of opening twins.
 */
export class LivePipeline {
  private engine: DetectionEngine;
  private rulesById: Map<string, Rule>;
  private recorder: IncidentRecorder;
  private noise: NoiseStage;
  private notify: NotifyStage;
  private escalation: EscalationStage;
  /** When the next stored escalation falls due; unknown until read from the store. */
  private escalationDueAt: number | 'unknown' = 'unknown';
  private routes: readonly Route[];
  /** After a failed commit: cooldowns are read back from the store, and the retry reconciles. */
  private recovering = false;
  private positions: Record<string, unknown>;
  private checkpointed: Record<string, unknown>;
  private committing: Promise<void> = Promise.resolve();
  readonly tally: LiveTally = {
    events: 0,
    detections: 0,
    commits: 0,
    checkpoints: 0,
    notified: 0,
    escalated: 0,
  };
  /** Events dated too far ahead of the wall clock, by source (processed at the clock's time). */
  readonly futureBySource: Record<string, number> = {};

  constructor(private readonly options: LivePipelineOptions) {
    this.rulesById = new Map(options.rules.map((rule) => [rule.id, rule]));
    this.recorder = new IncidentRecorder((id) => this.rulesById.get(id), { openOnce: true });
    this.noise = this.createNoise();
    this.routes = options.routes;
    this.notify = this.createNotify(options.routes, options.resume?.digests, options.groups);
    this.escalation = this.createEscalation(options.routes);
    this.positions = { ...(options.resume?.positions ?? {}) };
    this.checkpointed = { ...this.positions };
    this.engine = this.createEngine(options.rules, options.resume?.engine);
  }

  /** Where the source stood at the last checkpoint (what a restart resumes from). */
  checkpointedPosition(source: string): unknown {
    return this.checkpointed[source];
  }

  /** Events of one source batch; `position` is where the source stands after them. */
  push(source: string, events: SecurityEvent[], times: number[], position: unknown): void {
    const futureBefore = this.engine.stats().future;
    this.engine.pushBatch(events, times);
    const future = this.engine.stats().future - futureBefore;
    if (future > 0) this.futureBySource[source] = (this.futureBySource[source] ?? 0) + future;
    this.tally.events += events.length;
    if (position !== null && position !== undefined) this.positions[source] = position;
  }

  /** Lets event time pass without events (timers: resolve_after, absence, the reorder buffer). */
  advanceTo(ts: number): void {
    this.engine.advanceTo(ts);
  }

  get hasPendingChanges(): boolean {
    return this.recorder.pendingCount > 0;
  }

  /** A notification reached its channel: the incident's cooldown counts from now. */
  recordDelivered(notification: Notification, at: number): void {
    if (notification.incident) this.noise.recordDelivered(notification.incident.episodeId, at);
  }

  /** After a restart: the cooldowns of open incidents run on from their last delivery, as the outbox records it. */
  async restoreCooldowns(): Promise<void> {
    const open = await this.options.store.incidents.list({ status: ['open', 'acknowledged'] });
    const lastSent = await this.options.store.outbox.lastSent(open.map((incident) => incident.serial));
    for (const incident of open) {
      const at = lastSent.get(incident.serial);
      if (at !== undefined) this.noise.restoreDelivered(incident, at);
    }
  }

  /** A notification went to the dead letters: the incident's next one need not wait for it. */
  recordFailed(notification: Notification): void {
    if (notification.incident) this.noise.recordFailed(notification.incident.episodeId);
  }

  /**
   * Writes pending incident changes and their notifications, and digests that came due. Commits
   * run one at a time; a failed one rejects its caller only: its detections are pending again and
   * the next commit starts afresh (it never inherits the failure).
   */
  commit(options: { checkpoint?: boolean } = {}): Promise<void> {
    const run = this.committing.then(() => this.commitNow(options.checkpoint ?? false));
    this.committing = run.catch(() => {});
    return run;
  }

  /** Rules or routes changed (SIGHUP): windows of unchanged rules are kept. */
  async reload(rules: readonly Rule[], routes: readonly Route[]): Promise<void> {
    await this.commit();
    const snapshot = this.engine.snapshot();
    this.rulesById = new Map(rules.map((rule) => [rule.id, rule]));
    this.engine = this.createEngine(rules, snapshot);
    this.routes = routes;
    this.notify = this.createNotify(routes, this.notify.digests.snapshot(), this.notify.groups.snapshot());
    this.escalation = this.createEscalation(routes);
  }

  engineStats() {
    return this.engine.stats();
  }

  private async commitNow(checkpoint: boolean): Promise<void> {
    const now = this.options.now();
    const digestDue = (this.notify.nextDueAt() ?? Infinity) <= now;
    const escalationDue = this.escalationDueAt === 'unknown' || this.escalationDueAt <= now;
    if (!checkpoint && !digestDue && !escalationDue && this.recorder.pendingCount === 0) return;
    if (this.recovering) await this.restoreCooldowns();
    const mark = this.recorder.mark();
    const digests = this.notify.digests.snapshot();
    const groups = this.notify.groups.snapshot();
    let committed: IncidentChange[] = [];
    let notified = 0;
    let escalationDueAt = Infinity;
    try {
      await this.options.store.transaction(async (tx) => {
        committed = await this.recorder.flush(tx, { reconcile: this.recovering });
        const passed: PassedChange[] = await this.noise.apply(committed, tx);
        await this.notify.apply(passed, tx, now);
        await this.notify.tickDue(now, tx);
        const opened = passed.filter((change) => change.kind === 'opened').map((change) => change.incident);
        await this.escalation.start(opened, now, tx);
        this.tally.escalated += await this.escalation.tickDue(now, tx);
        escalationDueAt = (await tx.escalations.nextDueAt()) ?? Infinity;
        notified = passed.length;
        if (checkpoint) await saveLiveCheckpoint(tx, this.checkpointOf(), now);
      });
    } catch (error) {
      this.rollBack(mark, digests, groups);
      throw error;
    }
    this.recovering = false;
    this.escalationDueAt = escalationDueAt;
    this.tally.notified += notified;
    this.tally.commits++;
    if (checkpoint) {
      this.tally.checkpoints++;
      this.checkpointed = { ...this.positions };
    }
    if (committed.length > 0) this.options.onCommitted?.(committed);
  }

  /**
   * The transaction failed (or its outcome is unknown): what it took is pending again, the digests
   * are as before it, and noise control starts over from the store at the next commit.
   */
  private rollBack(mark: RecorderMark, digests: DigestSnapshot, groups: SavedGroup[]): void {
    this.recorder.rollback(mark);
    this.notify = this.createNotify(this.routes, digests, groups);
    this.noise = this.createNoise();
    this.recovering = true;
    this.escalationDueAt = 'unknown';
  }

  private checkpointOf(): LiveCheckpoint {
    return {
      version: 1,
      engine: this.engine.snapshot(),
      positions: this.positions,
      digests: this.notify.digests.snapshot(),
    };
  }

  private createNoise(): NoiseStage {
    return new NoiseStage((ruleId) => ({ cooldownMs: this.rulesById.get(ruleId)?.cooldownMs ?? 0 }), {
      deliveredOnDecision: false,
    });
  }

  private createEngine(rules: readonly Rule[], restore: string | undefined): DetectionEngine {
    return createDetectionEngine({
      rules,
      toleranceMs: this.options.toleranceMs,
      wallClock: this.options.now,
      maxFutureMs: this.options.maxFutureMs,
      restore,
      emit: (detection: Detection) => {
        this.tally.detections++;
        this.recorder.add(detection);
      },
    });
  }

  private createEscalation(routes: readonly Route[]): EscalationStage {
    return new EscalationStage({
      routes,
      ...(this.options.channelDetail && { channelDetail: this.options.channelDetail }),
      ...(this.options.publicUrl !== undefined && { publicUrl: this.options.publicUrl }),
    });
  }

  private createNotify(
    routes: readonly Route[],
    digests: LiveCheckpoint['digests'] | undefined,
    groups: SavedGroup[] | undefined,
  ): NotifyStage {
    return new NotifyStage({
      routes,
      ...(this.options.channelDetail && { channelDetail: this.options.channelDetail }),
      ...(this.options.publicUrl !== undefined && { publicUrl: this.options.publicUrl }),
      ...(digests && { digests }),
      ...(groups && { groups }),
    });
  }
}
