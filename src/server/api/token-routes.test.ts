import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiToken } from '../../store/index.ts';
import type { Caller } from './testdata/api-fixture.ts';
import { useApi } from './testdata/api-fixture.ts';

const api = useApi();
let ada: Caller;
beforeEach(async () => {
  ada = await api.logIn('ada', 'admin');
});

const create = (payload: object) => api.as(ada, { method: 'POST', url: '/api/v1/tokens', payload });

describe('tokens', () => {
  it('shows a new token once, keeps only its hash, and lists it without hash or value', async () => {
    const response = await create({ name: 'shop', scopes: ['ingest'], service: 'shop-web' });
    expect(response.statusCode).toBe(200);
    const { token, info } = response.json() as { token: string; info: ApiToken };
    expect(token).toMatch(/^klx_[A-Za-z0-9_-]{43}$/);
    expect(info).toEqual({
      id: expect.any(String),
      name: 'shop',
      scopes: ['ingest'],
      service: 'shop-web',
      createdAt: api.clock.now,
      createdBy: 'ada',
    });
    const hash = createHash('sha256').update(token).digest('hex');
    expect(await api.store.apiTokens.findActiveByHash(hash)).toEqual(info);
    const listed = await api.as(ada, { method: 'GET', url: '/api/v1/tokens' });
    expect(listed.json()).toEqual([info]);
    expect(listed.body).not.toContain(hash);
    expect(listed.body).not.toContain(token);
  });

  it('revokes a token by name, once', async () => {
    await create({ name: 'shop', scopes: ['ingest'] });
    expect((await api.as(ada, { method: 'DELETE', url: '/api/v1/tokens/shop' })).statusCode).toBe(204);
    const listed = (await api.as(ada, { method: 'GET', url: '/api/v1/tokens' })).json() as ApiToken[];
    expect(listed[0]?.revokedAt).toBe(api.clock.now);
    expect((await api.as(ada, { method: 'DELETE', url: '/api/v1/tokens/shop' })).statusCode).toBe(409);
    expect((await api.as(ada, { method: 'DELETE', url: '/api/v1/tokens/nope' })).statusCode).toBe(404);
  });

  it('refuses a taken name, an unknown scope and a bad name', async () => {
    await create({ name: 'shop', scopes: ['ingest'] });
    expect((await create({ name: 'shop', scopes: ['read'] })).statusCode).toBe(409);
    const scope = await create({ name: 'other', scopes: ['admin'] });
    expect(scope.json()).toMatchObject({ error: 'validation', details: [{ field: 'scopes.0' }] });
    const name = await create({ name: 'has space', scopes: ['read'] });
    expect(name.json()).toMatchObject({ error: 'validation', details: [{ field: 'name' }] });
  });
});

describe('users', () => {
  it('adds, lists and disables users, never showing a password hash', async () => {
    const added = await api.as(ada, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { name: 'bob', password: 'a long enough passphrase', role: 'responder' },
    });
    expect(added.json()).toEqual({ name: 'bob', role: 'responder', createdAt: api.clock.now });
    const bob = await api.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'bob', password: 'a long enough passphrase' },
    });
    expect(bob.statusCode).toBe(200);
    const listed = await api.as(ada, { method: 'GET', url: '/api/v1/users' });
    expect((listed.json() as Array<{ name: string }>).map((user) => user.name)).toEqual(['ada', 'bob']);
    expect(listed.body).not.toContain('argon2');
    const disabled = await api.as(ada, { method: 'POST', url: '/api/v1/users/bob/disable' });
    expect(disabled.json()).toMatchObject({ name: 'bob', disabledAt: api.clock.now });
  });

  it('refuses a short password and an unknown role', async () => {
    const short = await api.as(ada, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { name: 'bob', password: 'short', role: 'viewer' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toEqual({
      error: 'input',
      message: 'the password is too short: it needs at least 12 characters',
    });
    const role = await api.as(ada, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { name: 'bob', password: 'a long enough passphrase', role: 'root' },
    });
    expect(role.json()).toMatchObject({ error: 'validation', details: [{ field: 'role' }] });
    expect(await api.store.users.get('bob')).toBeUndefined();
  });
});
