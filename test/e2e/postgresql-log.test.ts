import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../src/core/index.ts';
import { chooseParser } from '../../src/parsers/index.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { waitFor } from '../support/wait-for.ts';

// A real PostgreSQL (Debian's) logging to stderr under Debian's prefix, csvlog and jsonlog at once,
// with log_connections on: the logins below, refused and accepted, read back from each of its files.
let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres({
    settings: {
      logging_collector: 'on',
      log_destination: 'stderr,csvlog,jsonlog',
      log_directory: 'log',
      log_filename: 'postgresql',
      log_connections: 'on',
      log_line_prefix: '%m [%p] %q%u@%d ',
    },
  });
  const url = new URL(postgres.url);
  const tryLogin = async (user: string, password: string) => {
    const client = new pg.Client({
      host: '127.0.0.1',
      port: Number(url.port),
      user,
      password,
      database: 'postgres',
    });
    try {
      await client.connect();
      await client.end();
    } catch {
      // refused, as meant
    }
  };
  await tryLogin(url.username, 'wrong password');
  await tryLogin('mallory', 'guess');
  await tryLogin(url.username, decodeURIComponent(url.password));
}, 60_000);
afterAll(() => postgres?.stop());

/** The logins a file of the server's log gives, read with the parser its lines choose. */
function loginsIn(file: string): SecurityEvent[] {
  const lines = readFileSync(join(postgres.dataDir, 'log', file), 'utf8')
    .trimEnd()
    .split('\n');
  const choice = chooseParser(lines.slice(0, 50));
  expect(choice.kind === 'found' && choice.parser.format).toBe('postgresql');
  if (choice.kind !== 'found') return [];
  const parser = choice.parser.create({});
  const events: SecurityEvent[] = [];
  for (const line of lines) parser.parseLine(line, (event) => events.push(event));
  parser.finish?.((event) => events.push(event));
  return events.filter((event) => event.event.action === 'postgresql_login');
}

const summary = (event: SecurityEvent) => [
  event.event.outcome,
  (event.user as { name?: string } | undefined)?.name,
  (event.source as { ip?: string } | undefined)?.ip,
];

describe("a real PostgreSQL's log", () => {
  it.each(['postgresql', 'postgresql.csv', 'postgresql.json'])(
    '%s: each refused and accepted login, from the client its session names',
    async (file) => {
      const user = new URL(postgres.url).username;
      // The collector writes on its own time: wait until the accepted login is there.
      await waitFor(`${file} to hold the logins`, () =>
        loginsIn(file).some((event) => event.event.outcome === 'success') ? true : undefined,
      );
      expect(loginsIn(file).map(summary)).toEqual(
        expect.arrayContaining([
          ['failure', user, '127.0.0.1'],
          ['failure', 'mallory', '127.0.0.1'],
          ['success', user, '127.0.0.1'],
        ]),
      );
      expect(loginsIn(file).filter((event) => event.event.outcome === 'failure')).toHaveLength(2);
    },
  );
});
