import type { Detection, Notification, SecurityEvent } from '../../core/index.ts';
import type { DetectionEngine } from '../../detection/index.ts';
import { createDetectionEngine } from '../../detection/index.ts';
import type { IncidentChange, PassedChange } from '../../incidents/index.ts';
import { IncidentRecorder, NoiseStage } from '../../incidents/index.ts';
import type { DetailLevel, Route, SavedGroup } from '../../routing/index.ts';
import { NotifyStage } from '../../routing/index.ts';
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
  private readonly noise: NoiseStage;
  private notify: NotifyStage;
  private positions: Record<string, unknown>;
  private checkpointed: Record<string, unknown>;
  private committing: Promise<void> = Promise.resolve();
  readonly tally: LiveTally = { events: 0, detections: 0, commits: 0, checkpoints: 0, notified: 0 };

  constructor(private readonly options: LivePipelineOptions) {
    this.rulesById = new Map(options.rules.map((rule) => [rule.id, rule]));
    this.recorder = new IncidentRecorder((id) => this.rulesById.get(id), { openOnce: true });
    this.noise = new NoiseStage((ruleId) => ({ cooldownMs: this.rulesById.get(ruleId)?.cooldownMs ?? 0 }), {
      deliveredOnDecision: false,
    });
    this.notify = this.createNotify(options.routes, options.resume?.digests, options.groups);
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
    this.engine.pushBatch(events, times);
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

  /** Writes pending incident changes and their notifications, and digests that came due. */
  commit(options: { checkpoint?: boolean } = {}): Promise<void> {
    this.committing = this.committing.then(() => this.commitNow(options.checkpoint ?? false));
    return this.committing;
  }

  /** Rules or routes changed (SIGHUP): windows of unchanged rules are kept. */
  async reload(rules: readonly Rule[], routes: readonly Route[]): Promise<void> {
    await this.commit();
    const snapshot = this.engine.snapshot();
    this.rulesById = new Map(rules.map((rule) => [rule.id, rule]));
    this.engine = this.createEngine(rules, snapshot);
    this.notify = this.createNotify(routes, this.notify.digests.snapshot(), this.notify.groups.snapshot());
  }

  engineStats() {
    return this.engine.stats();
  }

  private async commitNow(checkpoint: boolean): Promise<void> {
    const now = this.options.now();
    const digestDue = (this.notify.nextDueAt() ?? Infinity) <= now;
    if (!checkpoint && !digestDue && this.recorder.pendingCount === 0) return;
    let committed: IncidentChange[] = [];
    await this.options.store.transaction(async (tx) => {
      committed = await this.recorder.flush(tx);
      const passed: PassedChange[] = await this.noise.apply(committed, tx);
      await this.notify.apply(passed, tx, now);
      await this.notify.tickDue(now, tx);
      this.tally.notified += passed.length;
      if (checkpoint) {
        const saved: LiveCheckpoint = {
          version: 1,
          engine: this.engine.snapshot(),
          positions: this.positions,
          digests: this.notify.digests.snapshot(),
        };
        await saveLiveCheckpoint(tx, saved, now);
      }
    });
    this.tally.commits++;
    if (checkpoint) {
      this.tally.checkpoints++;
      this.checkpointed = { ...this.positions };
    }
    if (committed.length > 0) this.options.onCommitted?.(committed);
  }

  private createEngine(rules: readonly Rule[], restore: string | undefined): DetectionEngine {
    return createDetectionEngine({
      rules,
      toleranceMs: this.options.toleranceMs,
      restore,
      emit: (detection: Detection) => {
        this.tally.detections++;
        this.recorder.add(detection);
      },
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
