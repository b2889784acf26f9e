import { describe, expect, it } from 'vitest';
import { requireDeclaredAccess } from '../auth/index.ts';
import { createServer } from '../create-server.ts';
import { useApi } from './testdata/api-fixture.ts';

const api = useApi();

describe('API documentation', () => {
  it('serves the OpenAPI document with every route, and Swagger UI', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/v1/cases',
      '/api/v1/channels',
      '/api/v1/channels/{name}/retry',
      '/api/v1/feed.atom',
      '/api/v1/incidents',
      '/api/v1/incidents/{serial}',
      '/api/v1/incidents/{serial}/acknowledge',
      '/api/v1/incidents/{serial}/assign',
      '/api/v1/incidents/{serial}/notes',
      '/api/v1/incidents/{serial}/reopen',
      '/api/v1/incidents/{serial}/resolve',
      '/api/v1/overview',
      '/api/v1/rules',
      '/api/v1/rules/{id}/backtest',
      '/api/v1/rules/{id}/disable',
      '/api/v1/rules/{id}/enable',
      '/api/v1/rules/{id}/history',
      '/api/v1/session',
      '/api/v1/silences',
      '/api/v1/silences/preview',
      '/api/v1/silences/{id}/expire',
      '/api/v1/stats/response-times',
      '/api/v1/stream',
      '/api/v1/tokens',
      '/api/v1/tokens/{name}',
      '/api/v1/users',
      '/api/v1/users/{name}/disable',
    ]);
    expect(Object.keys(document.paths['/api/v1/session'] ?? {}).sort()).toEqual(['delete', 'get', 'post']);
    const ui = await api.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('refuses to start with a route that declares no access', async () => {
    const app = createServer();
    void app.register(
      async (scope) => {
        scope.addHook('onRoute', requireDeclaredAccess);
        scope.get('/declared', { config: { access: { role: 'viewer' } } }, async () => 'x');
        scope.get('/open', async () => 'x');
      },
      { prefix: '/api/v1' },
    );
    await expect(app.ready()).rejects.toThrow('API route GET /api/v1/open declares no access');
    await app.close();
  });
});
