import type { FastifyInstance } from 'fastify';
import type { LoginLimiter } from '../auth/index.ts';
import { logIn, PASSWORD_MAX_LENGTH, personOf, SESSION_COOKIE, sessionCookieOptions } from '../auth/index.ts';
import type { ApiDependencies } from './api-dependencies.ts';

const loginBody = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 128 },
    password: { type: 'string', minLength: 1, maxLength: PASSWORD_MAX_LENGTH },
  },
} as const;

/** Log in (a session cookie and the CSRF token for later changes), see who is logged in, log out. */
export function registerSessionRoutes(
  api: FastifyInstance,
  deps: ApiDependencies,
  limiter: LoginLimiter,
): void {
  api.post<{ Body: { username: string; password: string } }>(
    '/session',
    {
      config: { access: { role: 'public' } },
      schema: {
        tags: ['session'],
        summary: 'Log in: sets the session cookie; send csrfToken as x-csrf-token with every change',
        body: loginBody,
      },
    },
    async (request, reply) => {
      const { user, cookieValue, session } = await logIn(deps, limiter, request, request.body);
      void reply.setCookie(SESSION_COOKIE, cookieValue, sessionCookieOptions(deps.secureCookies));
      return { user: { name: user.name, role: user.role }, csrfToken: session.csrfToken };
    },
  );

  api.get(
    '/session',
    {
      config: { access: { role: 'viewer' } },
      schema: { tags: ['session'], summary: 'Who is logged in, and the CSRF token of the session' },
    },
    async (request) => {
      const person = personOf(request);
      return { user: { name: person.name, role: person.role }, csrfToken: person.session.csrfToken };
    },
  );

  api.delete(
    '/session',
    {
      config: { access: { role: 'viewer' } },
      schema: { tags: ['session'], summary: 'Log out' },
    },
    async (request, reply) => {
      await deps.store.sessions.remove(personOf(request).session.id);
      const { maxAge: _, ...options } = sessionCookieOptions(deps.secureCookies);
      void reply.clearCookie(SESSION_COOKIE, options);
      return reply.status(204).send();
    },
  );
}
