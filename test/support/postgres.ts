import { execFile, execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/** A throwaway PostgreSQL cluster for tests: its own folder, port and superuser, gone after `stop`. */
export interface TestPostgres {
  /** URL of a database created at start. */
  url: string;
  /** Creates another empty database in the cluster and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server process (fast shutdown), keeping the data folder and the port: an outage. */
  stopServer(): Promise<void>;
  /** Starts the server again on the same port and data folder, after `stopServer`. */
  startServer(): Promise<void>;
  /** Stops the cluster for good and removes its folder. */
  stop(): Promise<void>;
  /** The cluster's data folder (its `log/` folder, with the logging collector on). */
  dataDir: string;
}

/** Server settings (`-c NAME=VALUE`) beside the test ones, e.g. the logging collector's. */
export interface PostgresOptions {
  settings?: Record<string, string>;
}

/** Runs `text` on the database at `url` over a connection of its own, and returns the rows. */
export async function queryPostgres<Row = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

const POSTGRES_ROOT = '/usr/lib/postgresql';
const USER = 'klaxon';
const READY_LINE = 'database system is ready to accept connections';
/** With the logging collector on, the server's output goes to its files from this line on. */
const COLLECTOR_LINE = 'redirecting log output to logging collector process';
/** SQLSTATE 57P03: the server is starting up. */
const STARTING_UP = '57P03';
const START_TIMEOUT_MS = 30_000;
const run = promisify(execFile);

/**
 * Starts a cluster from Debian's PostgreSQL binaries: initdb into a temporary folder, the server on
 * a free port of 127.0.0.1 with its unix socket in that folder and fsync off. As root (tests here
 * and in CI), initdb and postgres run as the `postgres` system user, which refuse to run as root.
 */
export async function startPostgres(options: PostgresOptions = {}): Promise<TestPostgres> {
  const settings = Object.entries(options.settings ?? {}).flatMap(([name, value]) => [
    '-c',
    `${name}=${value}`,
  ]);
  const bin = findPostgresBin();
  const account = process.getuid?.() === 0 ? postgresAccount() : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-pg-'));
  const password = randomBytes(12).toString('hex');
  let server: ChildProcess | undefined;
  try {
    mkdirSync(join(dir, 'socket'));
    writeFileSync(join(dir, 'password'), `${password}\n`);
    if (account)
      for (const path of [dir, join(dir, 'socket'), join(dir, 'password')])
        chownSync(path, account.uid, account.gid);
    const [command, args] = asAccount(account, join(bin, 'initdb'), [
      ...['-D', join(dir, 'data'), '-U', USER, '--pwfile', join(dir, 'password')],
      ...['--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync'],
    ]);
    await run(command, args);
    const port = await findFreePort();
    server = await startServer(account, bin, dir, port, settings);
    const base = `postgres://${USER}:${password}@127.0.0.1:${port}`;
    const createDatabase = async (name: string): Promise<string> => {
      await queryPostgres(`${base}/postgres`, `create database "${name}"`);
      return `${base}/${name}`;
    };
    // With the logging collector, readiness is told in its files: the first query waits for it.
    const url = await whenStarted(() => createDatabase('klaxon_test'));
    let running: ChildProcess | undefined = server;
    return {
      url,
      createDatabase,
      async stopServer() {
        await haltServer(running);
        running = undefined;
      },
      async startServer() {
        if (running === undefined) running = await startServer(account, bin, dir, port, settings);
      },
      stop: () => stopServer(running, dir),
      dataDir: join(dir, 'data'),
    };
  } catch (error) {
    await stopServer(server, dir);
    throw error;
  }
}

function findPostgresBin(): string {
  const versions = existsSync(POSTGRES_ROOT)
    ? readdirSync(POSTGRES_ROOT).filter((name) => /^\d+$/.test(name))
    : [];
  versions.sort((a, b) => Number(b) - Number(a));
  const bin = versions
    .map((version) => join(POSTGRES_ROOT, version, 'bin'))
    .find((dir) => existsSync(join(dir, 'initdb')));
  if (bin === undefined) {
    throw new Error(
      `PostgreSQL server binaries not found under ${POSTGRES_ROOT}/*/bin: install Debian's postgresql package ` +
        '(apt-get install -y --no-install-recommends postgresql) to run the PostgreSQL store tests',
    );
  }
  return bin;
}

function postgresAccount(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      "no 'postgres' system user: install Debian's postgresql package, which creates it (initdb refuses to run as root)",
    );
  }
}

/** The command line that runs `command` as the postgres user when we are root (setpriv execs, so signals reach it). */
function asAccount(
  account: { uid: number; gid: number } | undefined,
  command: string,
  args: string[],
): [string, string[]] {
  if (account === undefined) return [command, args];
  return [
    'setpriv',
    [
      '--reuid',
      String(account.uid),
      '--regid',
      String(account.gid),
      '--clear-groups',
      '--',
      command,
      ...args,
    ],
  ];
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function startServer(
  account: { uid: number; gid: number } | undefined,
  bin: string,
  dir: string,
  port: number,
  settings: string[],
): Promise<ChildProcess> {
  const [command, args] = asAccount(account, join(bin, 'postgres'), [
    ...['-D', join(dir, 'data'), '-p', String(port), '-k', join(dir, 'socket')],
    ...[
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      ...settings,
    ],
  ]);
  const server = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = (): void => void server.kill('SIGKILL');
  process.once('exit', killOnExit);
  server.once('exit', () => process.off('exit', killOnExit));
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(
      () => fail(`PostgreSQL did not start within ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS,
    );
    const fail = (reason: string): void => {
      clearTimeout(timer);
      server.kill('SIGKILL');
      reject(new Error(`${reason}:\n${log}`));
    };
    const watch = (chunk: Buffer): void => {
      log += chunk.toString();
      if (log.includes(READY_LINE) || log.includes(COLLECTOR_LINE)) {
        clearTimeout(timer);
        server.stdout?.removeAllListeners('data');
        server.stderr?.removeAllListeners('data');
        server.stdout?.resume();
        server.stderr?.resume();
        resolve(server);
      }
    };
    server.stdout?.on('data', watch);
    server.stderr?.on('data', watch);
    server.once('error', (error) => fail(`cannot run ${command}: ${error.message}`));
    server.once('exit', (code) => fail(`PostgreSQL exited with code ${code} before it was ready`));
  });
}

/** Fast shutdown (SIGINT), then the folder with data, socket and password goes. */
async function stopServer(server: ChildProcess | undefined, dir: string): Promise<void> {
  await haltServer(server);
  rmSync(dir, { recursive: true, force: true });
}

/** Fast shutdown (SIGINT: open connections are cut, clients see the server go), SIGKILL after 10 s. */
async function haltServer(server: ChildProcess | undefined): Promise<void> {
  if (server === undefined || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGINT');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Runs `first` until the server has started (it answers 57P03 until then), within START_TIMEOUT_MS. */
async function whenStarted<T>(first: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    try {
      return await first();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if ((code !== STARTING_UP && code !== 'ECONNREFUSED') || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
