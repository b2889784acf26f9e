import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { loadKlaxonConfig } from '../../src/app/load-config.ts';
import { startLive, type LiveDaemon, type LiveOptions } from '../../src/app/live/start-live.ts';
import { createTokenValue, hashToken } from '../../src/server/index.ts';
import { startHttpPeer, type HttpPeer, type PeerHandler, type PeerReply } from './http-peer.ts';

/** A `klaxon start` under test: its scratch folder, the stand-in peers it talks to, and itself. */
export interface LiveFixture {
  /** The scratch folder, fresh for each test (or for the file, with `once`). */
  readonly dir: string;
  /** The running daemon; throws before `start` or after `stop`. */
  readonly daemon: LiveDaemon;
  /** A file in the scratch folder. */
  path(name: string): string;
  /** A stand-in HTTP peer on 127.0.0.1 (Slack, Telegram, a webhook), closed after the daemon stops. */
  peer(reply: PeerHandler | PeerReply): Promise<HttpPeer>;
  /** The sshd file source following an empty `auth.log` in the scratch folder (polled every 20 ms). */
  authLogSource(): string;
  /** Writes `klaxon.yaml`: the SQLite store in the scratch folder, then `lines`. */
  writeConfig(lines: string[]): void;
  /** Starts the daemon from `klaxon.yaml` on 127.0.0.1 with a free port, ticking every 50 ms. */
  start(options?: Partial<LiveOptions>): Promise<LiveDaemon>;
  /** Adds a responder account, whom chat presses act as once mapped to them. */
  addResponder(name: string): Promise<void>;
  /** Adds an API token with the ingest scope for `service`; returns the token. */
  addIngestToken(name: string, service: string): Promise<string>;
  /** The daemon's URL for `path`. */
  url(path: string): string;
  /** Stops the daemon now (the teardown would stop it otherwise). */
  stop(): Promise<void>;
}

/**
 * Registers the hooks that give each test (or, with `once`, the whole file) a scratch folder
 * named after `prefix`, and afterwards stop the daemon, close the peers and remove the folder.
 */
export function useLiveDaemon(prefix: string, { once = false } = {}): LiveFixture {
  let dir: string | undefined;
  let daemon: LiveDaemon | undefined;
  const peers: HttpPeer[] = [];
  const live: LiveFixture = {
    get dir() {
      if (dir === undefined) throw new Error('the live fixture is used outside a test');
      return dir;
    },
    get daemon() {
      if (daemon === undefined) throw new Error('the live daemon is not running');
      return daemon;
    },
    path: (name) => join(live.dir, name),
    peer: async (reply) => {
      const peer = await startHttpPeer(reply);
      peers.push(peer);
      return peer;
    },
    authLogSource: () => {
      writeFileSync(live.path('auth.log'), '');
      return `  - { type: file, name: auth, path: ${live.path('auth.log')}, format: sshd, poll: 20ms }`;
    },
    writeConfig: (lines) => {
      const store = `store: sqlite:${live.path('klaxon.db')}`;
      writeFileSync(live.path('klaxon.yaml'), [store, ...lines].join('\n'));
    },
    start: async (options = {}) => {
      daemon = await startLive({
        config: await loadKlaxonConfig(live.path('klaxon.yaml')),
        listen: { host: '127.0.0.1', port: 0 },
        tickMs: 50,
        ...options,
      });
      return daemon;
    },
    addResponder: async (name) => {
      await live.daemon.store.users.add(
        { name, passwordHash: '$argon2id$unused', role: 'responder' },
        Date.now(),
      );
    },
    addIngestToken: async (name, service) => {
      const token = createTokenValue();
      await live.daemon.store.apiTokens.add(
        { name, hash: hashToken(token), scopes: ['ingest'], service, createdBy: 'test' },
        Date.now(),
      );
      return token;
    },
    url: (path) => {
      const { host, port } = live.daemon.address();
      return `http://${host}:${port}${path}`;
    },
    stop: async () => {
      const stopping = daemon?.stop();
      daemon = undefined;
      await stopping;
    },
  };
  (once ? beforeAll : beforeEach)(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  (once ? afterAll : afterEach)(async () => {
    await live.stop();
    await Promise.all(peers.splice(0).map((peer) => peer.close()));
    rmSync(live.dir, { recursive: true, force: true });
    dir = undefined;
  });
  return live;
}
