import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { ForbiddenError } from '../../core/index.ts';
import { isLocalClient } from '../auth/index.ts';

export interface ReadinessCheck {
  name: string;
  ok: boolean;
  /** Plain words, never a secret. */
  message?: string;
}

export interface OperationsOptions {
  /** Whether Klaxon can do its job now: store reachable, pipeline running, not shutting down. */
  readiness: () => Promise<ReadinessCheck[]>;
  metrics: Registry;
  /**
   * Checks a bearer token for a scope (the ingest API's resolver). Given, `/metrics` also answers
   * other machines that send a token with the `metrics` scope; without it, only this machine.
   */
  resolveToken?: (authorization: string | undefined, scope: 'metrics') => Promise<unknown>;
}

/**
 * `/healthz` (the process answers), `/readyz` (every readiness check passes; 503 and the failing
 * checks otherwise) and Prometheus `/metrics`, which tells an attacker what Klaxon watches and how
 * far behind it is: it answers clients on this machine, and others only with a `metrics` token.
 */
export function registerOperationsRoutes(app: FastifyInstance, options: OperationsOptions): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const checks = await options.readiness();
    const ready = checks.every((check) => check.ok);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', async (request, reply) => {
    if (!isLocalClient(request)) {
      if (options.resolveToken === undefined)
        throw new ForbiddenError('/metrics answers only clients on this machine');
      await options.resolveToken(request.headers.authorization, 'metrics');
    }
    const text = await options.metrics.metrics();
    return reply.header('content-type', options.metrics.contentType).send(text);
  });
}
