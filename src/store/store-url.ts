import { KlaxonError } from '../core/index.ts';
import { SQLITE_MEMORY } from './dialects/sqlite.ts';
import { redactUrl } from './redact.ts';

export type StoreTarget = SqliteTarget | PostgresTarget;

export interface SqliteTarget {
  kind: 'sqlite';
  /** A file path, or `:memory:`. */
  file: string;
}

export interface PostgresTarget {
  kind: 'postgres';
  host: string;
  port: number;
  database: string;
  user?: string;
  password?: string;
  ssl?: { rejectUnauthorized: boolean };
}

/** A store URL Klaxon cannot use. (Core has no ConfigError yet; this one carries its name and code.) */
export class StoreConfigError extends KlaxonError {
  override name = 'ConfigError';
  constructor(message: string) {
    super('config', message);
  }
}

const EXAMPLES = 'sqlite:./klaxon.db, sqlite::memory: or postgres://user:password@host:5432/database';
const SSL_MODES: Record<string, PostgresTarget['ssl'] | null> = {
  disable: null,
  require: { rejectUnauthorized: false },
  'verify-ca': { rejectUnauthorized: true },
  'verify-full': { rejectUnauthorized: true },
};

/** Reads a store URL. Errors name the scheme or the redacted URL, never the password. */
export function parseStoreUrl(url: string): StoreTarget {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') return parseSqliteUrl(url);
  if (scheme === 'postgres' || scheme === 'postgresql') return parsePostgresUrl(url);
  const shown = scheme === undefined ? 'a store URL needs a scheme' : `unknown store URL scheme '${scheme}:'`;
  throw new StoreConfigError(`${shown}; use ${EXAMPLES}`);
}

function parseSqliteUrl(url: string): SqliteTarget {
  let file = url.slice('sqlite:'.length);
  if (file.startsWith('//')) file = file.slice(2);
  if (file === '') throw new StoreConfigError(`the sqlite store URL names no file; use ${EXAMPLES}`);
  return { kind: 'sqlite', file: file === SQLITE_MEMORY ? SQLITE_MEMORY : file };
}

function parsePostgresUrl(url: string): PostgresTarget {
  let parsed: URL;
  try {
    // `user@/db?host=/socket/dir` (no host before the path) is valid for libpq but not for URL.
    parsed = new URL(url.replace(/^(postgres(?:ql)?:\/\/[^/?#]*@)\//i, '$1localhost/'));
  } catch {
    throw new StoreConfigError(`the store URL ${redactUrl(url)} is not a valid URL; use ${EXAMPLES}`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/')) {
    throw new StoreConfigError(`the store URL ${redactUrl(url)} names no database; use ${EXAMPLES}`);
  }
  const target: PostgresTarget = {
    kind: 'postgres',
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost',
    port: parsed.port === '' ? 5432 : Number(parsed.port),
    database,
  };
  if (parsed.username !== '') target.user = decodeURIComponent(parsed.username);
  if (parsed.password !== '') target.password = decodeURIComponent(parsed.password);
  for (const [name, value] of parsed.searchParams) applyParameter(target, name, value, url);
  return target;
}

function applyParameter(target: PostgresTarget, name: string, value: string, url: string): void {
  if (name === 'host') {
    target.host = value;
  } else if (name === 'sslmode' && Object.hasOwn(SSL_MODES, value)) {
    const ssl = SSL_MODES[value];
    if (ssl) target.ssl = ssl;
  } else {
    const known = `host=/socket/dir, sslmode=${Object.keys(SSL_MODES).join('|')}`;
    throw new StoreConfigError(
      `the store URL ${redactUrl(url)} has an unknown parameter ${name}=${value} (known: ${known})`,
    );
  }
}

/** "PostgreSQL database "klaxon" at db.example:5432 as user "klaxon"", for messages. */
export function describePostgresTarget(target: PostgresTarget): string {
  const user = target.user === undefined ? '' : ` as user "${target.user}"`;
  return `PostgreSQL database "${target.database}" at ${target.host}:${target.port}${user}`;
}
