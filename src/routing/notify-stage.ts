import type { Incident } from '../core/index.ts';
import { caseNoteOf } from './case-note.ts';
import type { PassedChange } from '../incidents/index.ts';
import type { StoreOperations } from '../store/index.ts';
import { GroupCollector, type SavedGroup } from './group-collector.ts';
import { DigestCollector } from './digest.ts';
import type { DigestSnapshot } from './digest.ts';
import type { DetailLevel } from './routes.ts';
import type { Route } from './routes.ts';
import { planNotifications, type PlannedNotification } from './plan-notifications.ts';

export interface NotifyStageOptions {
  routes: readonly Route[];
  /** A channel's own detail level from its config, overriding the route's. */
  channelDetail?: Readonly<Record<string, DetailLevel>>;
  /** The dashboard's public URL (`server.public_url`): messages link to `<url>/incidents/<serial>`. */
  publicUrl?: string;
  /** What the digest collector held when the previous process stopped (live operation). */
  digests?: DigestSnapshot;
  /** The groups of `group_by` routes as the store kept them (`loadSavedGroups`). */
  groups?: SavedGroup[];
  /** A replay of past events (`replay --notify`): every message is marked as one. */
  replay?: boolean;
}

export interface NotifyTally {
  enqueued: number;
  heldForDigest: number;
  /** Changes collected into a group of a `group_by` route. */
  heldForGroup: number;
  /** Changes no route took: counted, never dropped silently. */
  unrouted: number;
}

/**
 * Turns the changes noise control let through into notifications, written to the outbox in the
 * caller's transaction: the same one that changed the incidents, so a crash loses neither.
 * Changes for digest routes are held by the digest collector until their schedule is due.
 */
export class NotifyStage {
  readonly digests: DigestCollector;
  readonly groups: GroupCollector;
  readonly tally: NotifyTally = { enqueued: 0, heldForDigest: 0, heldForGroup: 0, unrouted: 0 };

  private readonly dashboardUrl: ((incident: Incident) => string) | undefined;

  constructor(private readonly options: NotifyStageOptions) {
    const base = options.publicUrl?.replace(/\/+$/, '');
    this.dashboardUrl = base === undefined ? undefined : (incident) => `${base}/incidents/${incident.serial}`;
    this.digests = new DigestCollector({
      ...(base !== undefined && { dashboardUrl: `${base}/incidents` }),
      ...(options.digests && { snapshot: options.digests }),
    });
    this.groups = new GroupCollector(
      {
        ...(base !== undefined && { dashboardUrl: `${base}/incidents` }),
        ...(options.groups && { saved: options.groups }),
        ...(options.channelDetail && { channelDetail: options.channelDetail }),
      },
      options.routes,
    );
  }

  /**
   * `now`: the wall clock in live operation, which times groups; without it (a replay) each
   * change's own event time does.
   */
  async apply(changes: readonly PassedChange[], tx: StoreOperations, now?: number): Promise<void> {
    const planned = [];
    for (const change of changes) {
      // Periods that ended before this change are cut first, so a one-minute digest never
      // stretches to cover a change minutes later (event time on a replay).
      planned.push(...this.digests.tick(change.at), ...this.groups.tick(now ?? change.at));
      const note = change.kind === 'opened' ? await caseNoteOf(tx, change.incident) : undefined;
      const plan = planNotifications(note ? { ...change, case: note } : change, this.options.routes, {
        now: change.at,
        ...(this.options.channelDetail && { channelDetail: this.options.channelDetail }),
        ...(this.dashboardUrl && { dashboardUrl: this.dashboardUrl }),
      });
      if (plan.routes.length === 0) this.tally.unrouted++;
      planned.push(...plan.notifications);
      for (const hold of plan.holds) this.digests.hold(hold, change.at);
      this.tally.heldForDigest += plan.holds.length;
      for (const hold of plan.groupHolds) this.groups.hold(hold, now ?? change.at);
      this.tally.heldForGroup += plan.groupHolds.length;
    }
    await this.enqueue(planned, tx);
  }

  /** When the next digest or group falls due, for the caller's timer. */
  nextDueAt(): number | undefined {
    const next = Math.min(this.digests.nextDueAt() ?? Infinity, this.groups.nextDueAt() ?? Infinity);
    return Number.isFinite(next) ? next : undefined;
  }

  /**
   * Digests whose schedule came due by `now` (the wall clock, in live operation: a quiet night
   * still gets its morning digest), written to the outbox in the caller's transaction.
   */
  async tickDue(now: number, tx: StoreOperations): Promise<number> {
    const due = [...this.digests.tick(now), ...this.groups.tick(now)];
    await this.enqueue(due, tx);
    return due.length;
  }

  /** Writes the notifications and, in the same transaction, the groups they changed. */
  private async enqueue(planned: PlannedNotification[], tx: StoreOperations): Promise<void> {
    const notifications = this.options.replay ? planned.map((n) => ({ ...n, replay: true })) : planned;
    if (notifications.length > 0) {
      await tx.outbox.enqueue(notifications, Math.max(...notifications.map((n) => n.createdAt)));
      this.tally.enqueued += notifications.length;
    }
    const changes = this.groups.drain();
    const at = Math.max(0, ...notifications.map((n) => n.createdAt), ...changes.messages.map((m) => m.at));
    if (changes.saved.length > 0) {
      const rows = changes.saved.map(({ route, key, group }) => ({
        route,
        key,
        state: JSON.stringify(group),
      }));
      await tx.notificationGroups.save(rows, at);
    }
    if (changes.dropped.length > 0) await tx.notificationGroups.remove(changes.dropped);
    for (const message of changes.messages) await tx.notificationGroups.recordMessage(message);
  }
}

/** The groups the store kept for `group_by` routes, for a NotifyStage after a restart. */
export async function loadSavedGroups(store: StoreOperations): Promise<SavedGroup[]> {
  return (await store.notificationGroups.list()).map(({ route, key, state }) => ({
    route,
    key,
    group: JSON.parse(state) as SavedGroup['group'],
  }));
}
