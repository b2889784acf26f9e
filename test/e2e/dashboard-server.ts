import type { FastifyInstance } from 'fastify';
import { IncidentFeed } from '../../src/app/live/incident-feed.ts';
import type { Rule } from '../../src/rules/index.ts';
import { createServer, DASHBOARD_BUILD_DIR, registerApi, registerDashboard } from '../../src/server/index.ts';
import type { Store } from '../../src/store/index.ts';

export interface DashboardServer {
  app: FastifyInstance;
  /** `http://127.0.0.1:<port>` */
  url: string;
}

/** The HTTP server as the daemon composes it (API + the built dashboard) on 127.0.0.1, port 0. */
export async function startDashboardServer(options: {
  store: Store;
  rules: readonly Rule[];
}): Promise<DashboardServer> {
  const disabled = new Set<string>();
  const app = createServer();
  await registerApi(app, {
    store: options.store,
    now: Date.now,
    rules: {
      list: () => options.rules,
      isEnabled: (id) => !disabled.has(id),
      setEnabled: async (id, enabled) => void (enabled ? disabled.delete(id) : disabled.add(id)),
    },
    channels: [{ name: 'telegram-soc', type: 'telegram', detail: 'chat 4242' }],
    incidentChanges: new IncidentFeed(),
    reportSecurityEvent: () => {},
    secureCookies: false,
  });
  registerDashboard(app, { root: DASHBOARD_BUILD_DIR });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}
