import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from '../create-server.ts';
import {
  CONTENT_SECURITY_POLICY,
  DASHBOARD_BUILD_DIR,
  NOT_BUILT_MESSAGE,
  registerDashboard,
} from './index.ts';

const BUILT = fileURLToPath(new URL('./testdata/web', import.meta.url));
const ASSET = '/assets/index-3f2a1b9c.js';

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function serve(root: string): Promise<FastifyInstance> {
  app = createServer();
  app.get('/api/v1/ping', async () => ({ pong: true }));
  registerDashboard(app, { root });
  await app.ready();
  return app;
}

const get = async (url: string) => (await serve(BUILT)).inject({ method: 'GET', url });

describe('registerDashboard', () => {
  it('serves index.html at / with no-cache and the security headers', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('Klaxon fixture');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'self'; /);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves hashed assets as immutable and other files as no-cache', async () => {
    const server = await serve(BUILT);
    const asset = await server.inject({ method: 'GET', url: ASSET });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toContain('fixture bundle');
    const icon = await server.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
    expect(icon.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers index.html for the SPA routes, also with a query', async () => {
    const server = await serve(BUILT);
    for (const url of ['/incidents/42', '/silences', '/incidents?status=open&q=203.0.113.9', '/index.html']) {
      const response = await server.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('Klaxon fixture');
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
    const head = await server.inject({ method: 'HEAD', url: '/rules' });
    expect(head.statusCode).toBe(200);
  });

  it('leaves the API its routes and its JSON 404s', async () => {
    const server = await serve(BUILT);
    expect((await server.inject({ method: 'GET', url: '/api/v1/ping' })).json()).toEqual({ pong: true });
    for (const url of ['/api/v1/nothing-here', '/api', '/api/docs-missing']) {
      const response = await server.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ error: 'not_found' });
    }
    const post = await server.inject({ method: 'POST', url: '/incidents/1' });
    expect(post.statusCode).toBe(404);
  });

  it('answers 404, not index.html, for a missing file', async () => {
    const response = await get('/assets/index-00000000.js');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found' });
  });

  it('never serves files outside the build folder or dot files', async () => {
    const server = await serve(BUILT);
    const attempts = [
      '/../outside.txt',
      '/..%2foutside.txt',
      '/%2e%2e/outside.txt',
      '/assets/..%2f..%2foutside.txt',
      '/..%5coutside.txt',
      '/.hidden',
      '/assets/%2e%2e/.hidden',
      '/%00index.html',
      '/%E0%A4%A',
    ];
    for (const url of attempts) {
      const response = await server.inject({ method: 'GET', url });
      expect(response.body, url).not.toContain('outside the build folder');
      expect(response.body, url).not.toContain('hidden in the build folder');
      expect([200, 400, 404], url).toContain(response.statusCode);
    }
  });

  it('knows where npm run build:web puts the dashboard: dist/web beside package.json', async () => {
    const manifest = JSON.parse(
      await readFile(join(DASHBOARD_BUILD_DIR, '..', '..', 'package.json'), 'utf8'),
    );
    expect(manifest.name).toBe('klaxon');
    expect(DASHBOARD_BUILD_DIR.endsWith(join('dist', 'web'))).toBe(true);
  });

  it('answers 503 with the build command when the dashboard was not built', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'klaxon-dashboard-'));
    try {
      const server = await serve(join(empty, 'missing'));
      for (const url of ['/', '/incidents/3']) {
        const response = await server.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(503);
        expect(response.body, url).toBe(NOT_BUILT_MESSAGE);
      }
      const api = await server.inject({ method: 'GET', url: '/api/v1/nothing-here' });
      expect(api.statusCode).toBe(404);
      expect(api.json()).toMatchObject({ error: 'not_found' });
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
