import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { BUILTIN_RULES_DIR } from '../../../app/builtin-rules.ts';
import type { SecurityEvent } from '../../../core/index.ts';
import type { Rule } from '../../../rules/index.ts';
import { loadRulesFromPaths } from '../../../rules/index.ts';
import type { Store, UserRole } from '../../../store/index.ts';
import { openStore } from '../../../store/index.ts';
import { hashPassword } from '../../auth/index.ts';
import { createServer } from '../../create-server.ts';
import type { ApiDependencies, ChannelInfo, IncidentChange, IncidentChanges } from '../api-dependencies.ts';
import { registerApi } from '../register-api.ts';
import { createStoreRuleCatalog } from './rule-catalog.ts';

export const PASSWORD = 'correct horse battery staple';
/** 2026-03-02T12:00:00Z */
export const START = Date.UTC(2026, 2, 2, 12);

export interface Caller {
  name: string;
  cookie: string;
  csrfToken: string;
}

export interface ApiFixture {
  app: FastifyInstance;
  store: Store;
  clock: { now: number };
  /** Security events the API reported, in order. */
  reported: SecurityEvent[];
  /** Login slowdowns waited out, in ms: each one moves the clock instead of sleeping. */
  loginDelays: number[];
  changes: IncidentChanges & { publish(change: IncidentChange): void; published: IncidentChange[] };
  rules: readonly Rule[];
  addUser(name: string, role: UserRole, password?: string): Promise<void>;
  /** Adds the user (unless there) and logs in. */
  logIn(name: string, role?: UserRole): Promise<Caller>;
  /** A request as the caller: cookie, and the CSRF token for changes. */
  as(caller: Caller, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Creates an API token as the (admin) caller and answers its value. */
  createToken(admin: Caller, name: string, scopes: string[]): Promise<string>;
  close(): Promise<void>;
}

let packRules: Promise<Rule[]> | undefined;

/** The shipped rule pack, loaded once per test file. */
export function shippedRules(): Promise<Rule[]> {
  packRules ??= loadRulesFromPaths([BUILTIN_RULES_DIR]).then((loaded) => loaded.rules);
  return packRules;
}

export type ApiOverrides = Partial<Omit<ApiDependencies, 'store' | 'now' | 'rules' | 'incidentChanges'>> & {
  channels?: ChannelInfo[];
};

/** A real Fastify server with the API on a fresh in-memory SQLite store and a clock tests move. */
export async function startApi(overrides: ApiOverrides = {}): Promise<ApiFixture> {
  const store = await openStore('sqlite::memory:');
  const clock = { now: START };
  const now = () => clock.now;
  const reported: SecurityEvent[] = [];
  const loginDelays: number[] = [];
  const rules = await shippedRules();
  const listeners = new Set<(change: IncidentChange) => void>();
  const published: IncidentChange[] = [];
  const changes = {
    published,
    subscribe(listener: (change: IncidentChange) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish(change: IncidentChange) {
      published.push(change);
      for (const listener of listeners) listener(change);
    },
  };
  const app = createServer();
  await registerApi(app, {
    store,
    now,
    rules: await createStoreRuleCatalog(store, rules, now),
    channels: [],
    incidentChanges: changes,
    reportSecurityEvent: (event) => reported.push(event),
    secureCookies: false,
    loginDelay: async (ms) => {
      loginDelays.push(ms);
      clock.now += ms;
    },
    ...overrides,
  });
  await app.ready();
  const as = (caller: Caller, options: InjectOptions) =>
    app.inject({
      ...options,
      cookies: { klaxon_session: caller.cookie },
      headers: { 'x-csrf-token': caller.csrfToken, ...options.headers },
    });
  const hashes = new Map<string, Promise<string>>();
  const addUser = async (name: string, role: UserRole, password = PASSWORD) => {
    if (!hashes.has(password)) hashes.set(password, hashPassword(password));
    await store.users.add({ name, role, passwordHash: await (hashes.get(password) as Promise<string>) }, now());
  };
  return {
    app,
    store,
    clock,
    reported,
    loginDelays,
    changes,
    rules,
    addUser,
    async logIn(name, role = 'viewer') {
      if ((await store.users.get(name)) === undefined) await addUser(name, role);
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: name, password: PASSWORD },
      });
      if (response.statusCode !== 200) throw new Error(`login of ${name} failed: ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'klaxon_session')?.value as string;
      return { name, cookie, csrfToken: (response.json() as { csrfToken: string }).csrfToken };
    },
    as,
    async createToken(admin, name, scopes) {
      const response = await as(admin, { method: 'POST', url: '/api/v1/tokens', payload: { name, scopes } });
      if (response.statusCode !== 200) throw new Error(`token ${name} not created: ${response.body}`);
      return (response.json() as { token: string }).token;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/**
 * Registers the hooks that start the API (with `overrides`) before each test and close it after;
 * the answer stands for each test's own API, so a test file can hold it in a constant.
 */
export function useApi(overrides: ApiOverrides = {}): ApiFixture {
  let current: ApiFixture | undefined;
  const api = (): ApiFixture => {
    if (current === undefined) throw new Error('the API runs only during a test');
    return current;
  };
  beforeEach(async () => {
    current = await startApi(overrides);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get app() {
      return api().app;
    },
    get store() {
      return api().store;
    },
    get clock() {
      return api().clock;
    },
    get reported() {
      return api().reported;
    },
    get loginDelays() {
      return api().loginDelays;
    },
    get changes() {
      return api().changes;
    },
    get rules() {
      return api().rules;
    },
    addUser: (...args) => api().addUser(...args),
    logIn: (...args) => api().logIn(...args),
    as: (...args) => api().as(...args),
    createToken: (...args) => api().createToken(...args),
    close: () => api().close(),
  };
}
