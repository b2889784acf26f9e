import type { Incident } from '../core/index.ts';
import type { PassedChange } from '../incidents/index.ts';
import type { StoreOperations } from '../store/index.ts';
import { DigestCollector } from './digest.ts';
import type { DigestSnapshot } from './digest.ts';
import type { DetailLevel } from './routes.ts';
import type { Route } from './routes.ts';
import { planNotifications } from './plan-notifications.ts';

export interface NotifyStageOptions {
  routes: readonly Route[];
  /** A channel's own detail level from its config, overriding the route's. */
  channelDetail?: Readonly<Record<string, DetailLevel>>;
  /** The dashboard's public URL (`server.public_url`): messages link to `<url>/incidents/<serial>`. */
  publicUrl?: string;
  /** What the digest collector held when the previous process stopped (live operation). */
  digests?: DigestSnapshot;
}

export interface NotifyTally {
  enqueued: number;
  heldForDigest: number;
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
  readonly tally: NotifyTally = { enqueued: 0, heldForDigest: 0, unrouted: 0 };

  private readonly dashboardUrl: ((incident: Incident) => string) | undefined;

  constructor(private readonly options: NotifyStageOptions) {
    const base = options.publicUrl?.replace(/\/+$/, '');
    this.dashboardUrl = base === undefined ? undefined : (incident) => `${base}/incidents/${incident.serial}`;
    this.digests = new DigestCollector({
      ...(base !== undefined && { dashboardUrl: `${base}/incidents` }),
      ...(options.digests && { snapshot: options.digests }),
    });
  }

  async apply(changes: readonly PassedChange[], tx: StoreOperations): Promise<void> {
    const planned = [];
    for (const change of changes) {
      // Periods that ended before this change are cut first, so a one-minute digest never
      // stretches to cover a change minutes later (event time on a replay).
      planned.push(...this.digests.tick(change.at));
      const plan = planNotifications(change, this.options.routes, {
        now: change.at,
        ...(this.options.channelDetail && { channelDetail: this.options.channelDetail }),
        ...(this.dashboardUrl && { dashboardUrl: this.dashboardUrl }),
      });
      if (plan.routes.length === 0) this.tally.unrouted++;
      planned.push(...plan.notifications);
      for (const hold of plan.holds) this.digests.hold(hold, change.at);
      this.tally.heldForDigest += plan.holds.length;
    }
    const all = planned;
    if (all.length === 0) return;
    await tx.outbox.enqueue(all, Math.max(...all.map((notification) => notification.createdAt)));
    this.tally.enqueued += all.length;
  }

  /**
   * Digests whose schedule came due by `now` (the wall clock, in live operation: a quiet night
   * still gets its morning digest), written to the outbox in the caller's transaction.
   */
  async tickDigests(now: number, tx: StoreOperations): Promise<number> {
    const due = this.digests.tick(now);
    if (due.length === 0) return 0;
    await tx.outbox.enqueue(due, now);
    this.tally.enqueued += due.length;
    return due.length;
  }
}
