import type { FastifyInstance } from 'fastify';
import { channelDetailOverrides } from '../../config/index.ts';
import { DASHBOARD_BUILD_DIR, registerApi, registerDashboard } from '../../server/index.ts';
import type { LiveDaemon } from './start-live.ts';

/** The REST API and the dashboard on the daemon's server, joined to the running pipeline. */
export async function registerDashboardRoutes(
  app: FastifyInstance,
  live: LiveDaemon,
  now: () => number,
): Promise<void> {
  const publicUrl = live.config.publicUrl;
  await registerApi(app, {
    store: live.store,
    personActions: {
      routes: live.config.routes,
      channelDetail: channelDetailOverrides(live.config.channels),
      ...(publicUrl !== undefined && { publicUrl }),
    },
    now,
    rules: {
      list: () => live.rules(),
      isEnabled: (id) => live.rules().find((rule) => rule.id === id)?.enabled ?? false,
      setEnabled: (id, enabled, by, reason) => live.setRuleEnabled(id, enabled, by, reason),
    },
    channels: live.config.channels.map((channel) => ({
      name: channel.name,
      type: channel.type,
      detail: channel.detail ?? 'as the route says',
    })),
    incidentChanges: live.feed,
    reportSecurityEvent: (event) => live.reportSecurityEvent(event),
    ...(publicUrl !== undefined && { publicUrl }),
    secureCookies: publicUrl?.startsWith('https:') ?? false,
  });
  registerDashboard(app, { root: DASHBOARD_BUILD_DIR });
}
