import type { FailureReason } from '../../core/index.ts';
import type { ApiDependencies } from './api-dependencies.ts';
import { scrubSecrets } from './scrub-secrets.ts';

/** A channel on the dashboard: what it is, and how its deliveries go. Never a config secret. */
export interface ChannelView {
  name: string;
  type: string;
  detail: string;
  lastSentAt?: number;
  lastFailedAt?: number;
  lastFailure?: { reason: FailureReason; message: string };
  /** Notifications not delivered yet (waiting or being sent). */
  pending: number;
  dead: number;
}

/**
 * The configured channels with their outbox health, then channels the outbox still holds entries
 * for but the configuration no longer names (type `unknown`), so their dead letters stay visible.
 */
export async function listChannelViews(
  deps: Pick<ApiDependencies, 'store' | 'channels'>,
): Promise<ChannelView[]> {
  const health = new Map((await deps.store.outbox.health()).map((entry) => [entry.channel, entry]));
  const configured = new Set(deps.channels.map((channel) => channel.name));
  const known = [
    ...deps.channels,
    ...[...health.keys()].filter((name) => !configured.has(name)).map(unconfigured),
  ];
  return known.map((channel) => {
    const entry = health.get(channel.name);
    const view: ChannelView = {
      name: channel.name,
      type: channel.type,
      detail: scrubSecrets(channel.detail),
      pending: (entry?.pending ?? 0) + (entry?.sending ?? 0),
      dead: entry?.dead ?? 0,
    };
    if (entry?.lastSentAt !== undefined) view.lastSentAt = entry.lastSentAt;
    if (entry?.lastFailure !== undefined) {
      view.lastFailedAt = entry.lastFailure.at;
      view.lastFailure = {
        reason: entry.lastFailure.reason,
        message: scrubSecrets(entry.lastFailure.message),
      };
    }
    return view;
  });
}

function unconfigured(name: string) {
  return { name, type: 'unknown', detail: 'no longer in the configuration' };
}
