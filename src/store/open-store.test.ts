import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { KlaxonError, StoreError } from '../core/index.ts';
import { everythingShownBy } from './contract/everything-shown.ts';
import { openStore } from './index.ts';

/** A port on 127.0.0.1 that nothing listens on (taken, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 1));
    });
  });
}

describe('openStore', () => {
  it('refuses an unknown URL scheme with a ConfigError', async () => {
    const failure = openStore('redis://:hunter2@cache:6379/0');
    await expect(failure).rejects.toBeInstanceOf(KlaxonError);
    await expect(failure).rejects.toMatchObject({ name: 'ConfigError', code: 'config' });
    await expect(failure).rejects.toThrow("unknown store URL scheme 'redis:'");
  });

  it('names the file when a SQLite database cannot be opened', async () => {
    const failure = openStore('sqlite:/nonexistent-klaxon-dir/klaxon.db');
    await expect(failure).rejects.toBeInstanceOf(StoreError);
    await expect(failure).rejects.toThrow('cannot open SQLite database /nonexistent-klaxon-dir/klaxon.db');
  });

  it('names host, port and database but never the password when PostgreSQL cannot be reached', async () => {
    const port = await closedPort();
    const error = await openStore(`postgres://klaxon:Sup3r%24ecret@127.0.0.1:${port}/alerts`).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toContain(
      `PostgreSQL database "alerts" at 127.0.0.1:${port} as user "klaxon"`,
    );
    const shown = everythingShownBy(error);
    expect(shown).toContain('ECONNREFUSED');
    expect(shown).not.toContain('Sup3r');
  });
});
