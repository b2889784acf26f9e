import { describe, expect, it } from 'vitest';
import { parseStoreUrl } from './store-url.ts';

describe('store URL', () => {
  it('reads SQLite file paths and the in-memory database', () => {
    expect(parseStoreUrl('sqlite:./data/klaxon.db')).toEqual({ kind: 'sqlite', file: './data/klaxon.db' });
    expect(parseStoreUrl('sqlite:///var/lib/klaxon/klaxon.db')).toEqual({
      kind: 'sqlite',
      file: '/var/lib/klaxon/klaxon.db',
    });
    expect(parseStoreUrl('sqlite::memory:')).toEqual({ kind: 'sqlite', file: ':memory:' });
  });

  it('reads host, port, database, user and a percent-encoded password of a PostgreSQL URL', () => {
    expect(parseStoreUrl('postgres://klaxon:p%40ss%2Fw0rd@db.internal:6543/alerts')).toEqual({
      kind: 'postgres',
      host: 'db.internal',
      port: 6543,
      database: 'alerts',
      user: 'klaxon',
      password: 'p@ss/w0rd',
    });
  });

  it('accepts postgresql://, IPv6 hosts and the default port', () => {
    expect(parseStoreUrl('postgresql://klaxon@[::1]/alerts')).toEqual({
      kind: 'postgres',
      host: '::1',
      port: 5432,
      database: 'alerts',
      user: 'klaxon',
    });
  });

  it('takes sslmode and a unix socket folder from the query', () => {
    expect(parseStoreUrl('postgres://klaxon@db/alerts?sslmode=verify-full')).toMatchObject({
      ssl: { rejectUnauthorized: true },
    });
    expect(parseStoreUrl('postgres://klaxon@db/alerts?sslmode=require')).toMatchObject({
      ssl: { rejectUnauthorized: false },
    });
    expect(parseStoreUrl('postgres://klaxon@db/alerts?sslmode=disable')).not.toHaveProperty('ssl');
    // An object's own property names are no modes.
    expect(() => parseStoreUrl('postgres://klaxon@db/alerts?sslmode=constructor')).toThrow(
      'unknown parameter',
    );
    expect(parseStoreUrl('postgres://klaxon@/alerts?host=/run/postgresql')).toMatchObject({
      host: '/run/postgresql',
    });
  });

  it('refuses an unknown scheme with a ConfigError that names the scheme and not the rest', () => {
    const refuse = () => parseStoreUrl('mysql://root:hunter2@db/klaxon');
    expect(refuse).toThrow("unknown store URL scheme 'mysql:'");
    expect(refuse).toThrow(expect.objectContaining({ name: 'ConfigError', code: 'config' }));
    expect(() => parseStoreUrl('mysql://root:hunter2@db/klaxon')).not.toThrow(/hunter2/);
    expect(() => parseStoreUrl('./klaxon.db')).toThrow('a store URL needs a scheme');
  });

  it('names the redacted URL when a PostgreSQL URL lacks a database or has an unknown parameter', () => {
    expect(() => parseStoreUrl('postgres://klaxon:hunter2@db:5432')).toThrow(
      'postgres://klaxon:<secret>@db:5432 names no database',
    );
    expect(() => parseStoreUrl('postgres://klaxon:hunter2@db/alerts?pool=5')).toThrow(
      'unknown parameter pool=5',
    );
    expect(() => parseStoreUrl('postgres://klaxon:hunter2@db/alerts?pool=5')).not.toThrow(/hunter2/);
    expect(() => parseStoreUrl('postgres://klaxon:hunter2@db:99999/alerts')).toThrow(
      'postgres://klaxon:<secret>@db:99999/alerts is not a valid URL',
    );
  });

  it('refuses a sqlite URL without a file', () => {
    expect(() => parseStoreUrl('sqlite:')).toThrow('names no file');
  });
});
