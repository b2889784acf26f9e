import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { packageFile } from '../../config/index.ts';
import { isFile, resolveAsset } from './resolve-asset.ts';
import { setSecurityHeaders } from './security-headers.ts';

export interface DashboardOptions {
  /** The folder Vite built (`dist/web`). */
  root: string;
}

/** Where `npm run build:web` puts the dashboard (`dist/web` at the package root). */
export const DASHBOARD_BUILD_DIR = packageFile('dist', 'web');

export const NOT_BUILT_MESSAGE = 'the dashboard was not built: run npm run build:web';

/** Vite puts content-hashed files here: a new build gives them new names, so they never change. */
const HASHED_ASSETS = 'assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built dashboard: its files, and index.html for every other GET path that is not
 * under /api (the SPA routes itself). The routes of the API win because they are more specific;
 * unknown /api paths keep their JSON 404. Whether the build exists is checked per request, so a
 * build made after the start is picked up.
 */
export function registerDashboard(app: FastifyInstance, options: DashboardOptions): void {
  const root = resolve(options.root);
  app.register(async (scope) => {
    await scope.register(fastifyStatic, { root, serve: false, index: false, dotfiles: 'deny' });
    scope.get('/*', (request, reply) => serveDashboard(request, reply, root));
  });
}

async function serveDashboard(request: FastifyRequest, reply: FastifyReply, root: string): Promise<unknown> {
  const path = request.url.split('?')[0] ?? '/';
  if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
  const target = await resolveAsset(root, path);
  if (target.kind === 'missing') return reply.callNotFound();
  setSecurityHeaders(reply);
  if (target.kind === 'file') {
    void reply.header('cache-control', target.path.startsWith(HASHED_ASSETS) ? IMMUTABLE : 'no-cache');
    return reply.sendFile(target.path, { cacheControl: false });
  }
  if (!(await isFile(join(root, 'index.html'))))
    return reply.status(503).type('text/plain; charset=utf-8').send(NOT_BUILT_MESSAGE);
  void reply.header('cache-control', 'no-cache');
  return reply.sendFile('index.html', { cacheControl: false });
}
