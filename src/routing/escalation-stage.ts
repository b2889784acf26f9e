import type { Incident } from '../core/index.ts';
import type { EscalationRow, StoreOperations } from '../store/index.ts';
import { escalationSchedule, type EscalationFiring } from './escalation-schedule.ts';
import { hideIncidentDetail } from './link-detail.ts';
import { hashNotificationId, joinIdKey } from './notification-id.ts';
import type { PlannedNotification } from './plan-notifications.ts';
import { matchRoutes, type DetailLevel, type Route } from './routes.ts';

export interface EscalationStageOptions {
  routes: readonly Route[];
  channelDetail?: Readonly<Record<string, DetailLevel>>;
  publicUrl?: string;
}

/** Escalations handled per tick; the rest follow on the next one. */
const BATCH = 100;

/**
 * Routes' `escalate:` policies in live operation. An incident's opening notification starts one
 * escalation per matching route with steps (stored, so a restart continues); each tick sends the
 * firings that came due to the step's channels and writes "escalated to step N" to the audit
 * trail, unless a person acknowledged or resolved the incident, which ends it. Replays never
 * start escalations: history pages nobody.
 */
export class EscalationStage {
  private readonly routes: ReadonlyMap<string, Route>;

  constructor(private readonly options: EscalationStageOptions) {
    this.routes = new Map(options.routes.map((route) => [route.name, route]));
  }

  /** Starts the escalations of incidents whose opening notification goes out now. */
  async start(opened: readonly Incident[], now: number, tx: StoreOperations): Promise<void> {
    const rows = [];
    for (const incident of opened) {
      for (const { route } of matchRoutes(incident, this.options.routes)) {
        const first = route.escalate?.[0];
        if (first === undefined) continue;
        rows.push({ serial: incident.serial, route: route.name, startedAt: now, dueAt: now + first.afterMs });
      }
    }
    if (rows.length > 0) await tx.escalations.start(rows);
  }

  /** Sends the firings due at `now`; returns how many notifications it enqueued. */
  async tickDue(now: number, tx: StoreOperations): Promise<number> {
    const planned: PlannedNotification[] = [];
    for (const row of await tx.escalations.due(now, BATCH)) {
      const incident = await tx.incidents.get(row.serial);
      if (incident === undefined || incident.status !== 'open') {
        await tx.escalations.stop(row.serial);
        continue;
      }
      planned.push(...(await this.fire(row, incident, now, tx)));
    }
    if (planned.length > 0) await tx.outbox.enqueue(planned, now);
    return planned.length;
  }

  private async fire(
    row: EscalationRow,
    incident: Incident,
    now: number,
    tx: StoreOperations,
  ): Promise<PlannedNotification[]> {
    const schedule = escalationSchedule(this.routes.get(row.route)?.escalate ?? []);
    let fired = row.fired;
    const due: EscalationFiring[] = [];
    while (fired < schedule.length && row.startedAt + schedule[fired]!.offsetMs <= now)
      due.push(schedule[fired++]!);
    const next = schedule[fired];
    const dueAt = next === undefined ? undefined : row.startedAt + next.offsetMs;
    // After a long stop only the latest firing of each step goes out, not every missed repeat.
    const latest = due.filter((firing, index) => due[index + 1]?.step !== firing.step);
    const audit = latest.map((firing) => ({ at: now, detail: describeFiring(firing) }));
    const claimed = await tx.escalations.fired({ ...row, from: row.fired, fired, dueAt }, audit);
    // Not claimed: another instance sent these firings first.
    if (!claimed) return [];
    return latest.flatMap((firing) => this.notificationsOf(row, firing, incident, now));
  }

  private notificationsOf(
    row: EscalationRow,
    firing: EscalationFiring,
    incident: Incident,
    now: number,
  ): PlannedNotification[] {
    const route = this.routes.get(row.route);
    const base = this.options.publicUrl?.replace(/\/+$/, '');
    return firing.channels.map((channel) => {
      const detail = this.options.channelDetail?.[channel] ?? route?.detail ?? 'full';
      return {
        id: hashNotificationId(joinIdKey(['escalation', row.serial, row.route, firing.offsetMs, channel])),
        kind: 'escalated',
        channel,
        detail,
        incident: detail === 'link' ? hideIncidentDetail(incident) : incident,
        escalation: { step: firing.step, unacknowledgedMs: firing.offsetMs },
        ...(base !== undefined && { dashboardUrl: `${base}/incidents/${incident.serial}` }),
        createdAt: now,
      };
    });
  }
}

function describeFiring(firing: EscalationFiring): string {
  const minutes = Math.round(firing.offsetMs / 60_000);
  return `escalated to step ${firing.step}: ${firing.channels.join(', ')} (not acknowledged in ${minutes} min)`;
}
