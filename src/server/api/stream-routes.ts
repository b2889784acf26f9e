import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ApiDependencies, IncidentChange } from './api-dependencies.ts';
import { SECURITY_HEADERS } from '../response-headers.ts';
import { tokenQuery } from './route-schemas.ts';

const DEFAULT_KEEP_ALIVE_MS = 15_000;

/**
 * Server-Sent Events: `event: incident` with `{kind, incident}` for every change, and a comment
 * line every 15 s so proxies keep the connection. Open streams end when the server closes.
 */
export function registerStreamRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  const open = new Set<ServerResponse>();
  // Before the server closes: open streams would otherwise keep it waiting for their clients.
  api.addHook('preClose', async () => {
    for (const response of open) response.destroy();
  });

  api.get(
    '/stream',
    {
      config: { access: { role: 'viewer', tokenScope: 'read', tokenInQuery: true } },
      schema: {
        tags: ['stream'],
        summary: 'Incident changes as Server-Sent Events (session, or a read token as Bearer or ?token=)',
        querystring: tokenQuery,
      },
    },
    (_request, reply) => {
      void reply.hijack();
      const response = reply.raw;
      // Hijacked: no onSend hook runs, so the security headers go into the head here.
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      response.write(': connected\n\n');
      const send = (change: IncidentChange) => {
        response.write(`event: incident\ndata: ${JSON.stringify(change)}\n\n`);
      };
      const unsubscribe = deps.incidentChanges.subscribe(send);
      const keepAlive = setInterval(
        () => response.write(': keep-alive\n\n'),
        deps.streamKeepAliveMs ?? DEFAULT_KEEP_ALIVE_MS,
      );
      open.add(response);
      response.on('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
        open.delete(response);
        response.destroy();
      });
    },
  );
}
