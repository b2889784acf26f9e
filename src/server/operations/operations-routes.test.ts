import { describe, expect, it } from 'vitest';
import { Counter, Registry } from 'prom-client';
import { createServer } from '../create-server.ts';
import type { ReadinessCheck } from './operations-routes.ts';
import { registerOperationsRoutes } from './operations-routes.ts';

describe('operations routes', () => {
  it('answers health, readiness by its checks, and Prometheus metrics', async () => {
    const registry = new Registry();
    const counter = new Counter({ name: 'klaxon_test_total', help: 'a test', registers: [registry] });
    counter.inc(3);
    let checks: ReadinessCheck[] = [{ name: 'store', ok: true }];
    const app = createServer();
    registerOperationsRoutes(app, { readiness: async () => checks, metrics: registry });
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).statusCode).toBe(200);
    checks = [{ name: 'store', ok: false, message: 'database is locked' }];
    const notReady = await app.inject('/readyz');
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json().checks[0].message).toBe('database is locked');
    const metrics = await app.inject('/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('klaxon_test_total 3');
    await app.close();
  });
});
