import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotFoundError } from '../../core/index.ts';
import type { Session, UserRole } from '../users.ts';
import type { OpenStore } from './fixtures.ts';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
const SESSION_ID = 'f'.repeat(64);

function sessionOf(userName: string, overrides: Partial<Session> = {}): Session {
  return {
    id: SESSION_ID,
    userName,
    csrfToken: 'csrf-1',
    createdAt: 1_000,
    expiresAt: 1_000 + 12 * 3_600_000,
    lastSeenAt: 1_000,
    ...overrides,
  };
}

export function describeUsersContract(open: OpenStore): void {
  describe('users', () => {
    it('adds users, lists them by name and gives the hash only to findCredentials', async () => {
      const store = await open();
      const bob = await store.users.add({ name: 'bob', passwordHash: HASH, role: 'viewer' }, 2_000);
      await store.users.add({ name: 'alice', passwordHash: HASH, role: 'admin' }, 1_000);
      expect(bob).toEqual({ name: 'bob', role: 'viewer', createdAt: 2_000 });
      expect(await store.users.get('bob')).toEqual(bob);
      expect(await store.users.get('nobody')).toBeUndefined();
      expect((await store.users.list()).map((user) => [user.name, user.role])).toEqual([
        ['alice', 'admin'],
        ['bob', 'viewer'],
      ]);
      expect(JSON.stringify(await store.users.list())).not.toContain('argon2');
      expect(await store.users.findCredentials('bob')).toEqual({ user: bob, passwordHash: HASH });
    });

    it('refuses a taken name and an unknown role', async () => {
      const store = await open();
      await store.users.add({ name: 'alice', passwordHash: HASH, role: 'admin' }, 1);
      await expect(
        store.users.add({ name: 'alice', passwordHash: HASH, role: 'viewer' }, 2),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        store.users.add({ name: 'eve', passwordHash: HASH, role: 'root' as UserRole }, 2),
      ).rejects.toBeInstanceOf(InputError);
    });

    it('disables a user: no credentials, no sessions, and not twice', async () => {
      const store = await open();
      await store.users.add({ name: 'carol', passwordHash: HASH, role: 'responder' }, 1);
      await store.sessions.add(sessionOf('carol'));
      const disabled = await store.users.disable('carol', 5_000);
      expect(disabled.disabledAt).toBe(5_000);
      expect(await store.users.findCredentials('carol')).toBeUndefined();
      expect(await store.sessions.get(SESSION_ID)).toBeUndefined();
      await expect(store.users.disable('carol', 6_000)).rejects.toBeInstanceOf(ConflictError);
      await expect(store.users.disable('nobody', 6_000)).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('sessions', () => {
    it('stores, touches and removes a session', async () => {
      const store = await open();
      await store.users.add({ name: 'alice', passwordHash: HASH, role: 'admin' }, 1);
      await store.sessions.add(sessionOf('alice'));
      await store.sessions.touch(SESSION_ID, 9_000);
      expect(await store.sessions.get(SESSION_ID)).toEqual(sessionOf('alice', { lastSeenAt: 9_000 }));
      await store.sessions.remove(SESSION_ID);
      expect(await store.sessions.get(SESSION_ID)).toBeUndefined();
    });

    it('removes sessions past their end or idle too long, and keeps the others', async () => {
      const store = await open();
      await store.users.add({ name: 'alice', passwordHash: HASH, role: 'admin' }, 1);
      await store.sessions.add(sessionOf('alice', { id: 'ended', expiresAt: 10_000, lastSeenAt: 9_000 }));
      await store.sessions.add(sessionOf('alice', { id: 'idle', expiresAt: 99_000, lastSeenAt: 4_000 }));
      await store.sessions.add(sessionOf('alice', { id: 'alive', expiresAt: 99_000, lastSeenAt: 9_000 }));
      expect(await store.sessions.removeExpired(10_000, 5_000)).toBe(2);
      expect(await store.sessions.get('alive')).toBeDefined();
      expect(await store.sessions.get('idle')).toBeUndefined();
      expect(await store.sessions.get('ended')).toBeUndefined();
    });
  });

  describe('rule states', () => {
    it('keeps the latest choice per rule', async () => {
      const store = await open();
      expect(await store.ruleStates.get('ssh-brute-force-source')).toBeUndefined();
      await store.ruleStates.set({
        ruleId: 'ssh-brute-force-source',
        enabled: false,
        changedBy: 'alice',
        changedAt: 1,
      });
      await store.ruleStates.set({
        ruleId: 'app-csrf-failures',
        enabled: false,
        changedBy: 'alice',
        changedAt: 2,
      });
      const again = await store.ruleStates.set({
        ruleId: 'ssh-brute-force-source',
        enabled: true,
        changedBy: 'bob',
        changedAt: 3,
      });
      expect(again).toEqual({
        ruleId: 'ssh-brute-force-source',
        enabled: true,
        changedBy: 'bob',
        changedAt: 3,
      });
      expect(await store.ruleStates.get('ssh-brute-force-source')).toEqual(again);
      expect((await store.ruleStates.list()).map((state) => [state.ruleId, state.enabled])).toEqual([
        ['app-csrf-failures', false],
        ['ssh-brute-force-source', true],
      ]);
    });
  });
}
