import type { FastifyInstance } from 'fastify';
import { USER_ROLES } from '../../store/index.ts';
import type { UserRole } from '../../store/index.ts';
import { checkNewPassword, hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/index.ts';
import type { ApiDependencies } from './api-dependencies.ts';
import { NAME_PATTERN, nameParams } from './route-schemas.ts';

const newUserBody = {
  type: 'object',
  required: ['name', 'password', 'role'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: NAME_PATTERN },
    password: { type: 'string', minLength: 1, maxLength: PASSWORD_MAX_LENGTH },
    role: { type: 'string', enum: USER_ROLES },
  },
} as const;

/** Dashboard users (admin): not in the shared contract, an addition (see README.md). */
export function registerUserRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  const admin = { access: { role: 'admin' } } as const;

  api.get('/users', { config: admin, schema: { tags: ['users'], summary: 'Dashboard users' } }, () =>
    deps.store.users.list(),
  );

  api.post<{ Body: { name: string; password: string; role: UserRole } }>(
    '/users',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: `Add a user (password of ${PASSWORD_MIN_LENGTH} characters or more)`,
        body: newUserBody,
      },
    },
    async (request) => {
      const { name, password, role } = request.body;
      checkNewPassword(password);
      return deps.store.users.add({ name, role, passwordHash: await hashPassword(password) }, deps.now());
    },
  );

  api.post<{ Params: { name: string } }>(
    '/users/:name/disable',
    {
      config: admin,
      schema: {
        tags: ['users'],
        summary: 'Disable a user and end their sessions',
        params: nameParams('name'),
      },
    },
    (request) => deps.store.users.disable(request.params.name, deps.now()),
  );
}
