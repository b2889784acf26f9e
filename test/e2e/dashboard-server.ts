import type { FastifyInstance } from 'fastify';
import type { Rule } from '../../src/rules/index.ts';
import type { IncidentChange } from '../../src/server/api/index.ts';
import { registerApi } from '../../src/server/api/index.ts';
import { registerDashboard } from '../../src/server/dashboard/index.ts';
import { createServer } from '../../src/server/index.ts';
import type { Store } from '../../src/store/index.ts';

export interface DashboardServer {
  app: FastifyInstance;
  /** `http://127.0.0.1:<port>` */
  url: string;
}

/** The HTTP server as the daemon composes it (API + dashboard) on 127.0.0.1, port 0. */
export async function startDashboardServer(options: {
  store: Store;
  rules: readonly Rule[];
  webRoot: string;
}): Promise<DashboardServer> {
  const disabled = new Set<string>();
  const listeners = new Set<(change: IncidentChange) => void>();
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
    incidentChanges: {
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      publish: (change) => listeners.forEach((listener) => listener(change)),
    },
    reportSecurityEvent: () => {},
    secureCookies: false,
  });
  registerDashboard(app, { root: options.webRoot });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}
