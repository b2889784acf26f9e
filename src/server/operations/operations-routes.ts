import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

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
}

/**
 * `/healthz` (the process answers), `/readyz` (every readiness check passes; 503 and the failing
 * checks otherwise) and Prometheus `/metrics`.
 */
export function registerOperationsRoutes(app: FastifyInstance, options: OperationsOptions): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const checks = await options.readiness();
    const ready = checks.every((check) => check.ok);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', async (_request, reply) => {
    const text = await options.metrics.metrics();
    return reply.header('content-type', options.metrics.contentType).send(text);
  });
}
