import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SourceBatch } from '../source.ts';
import { fileSource } from './file-source.ts';
import { removeTempFolders, tempFolder } from './testdata/follow-harness.ts';

afterAll(removeTempFolders);

describe('fileSource', () => {
  it('is declared as `file` and creates a named source from parsed settings', async () => {
    const path = join(tempFolder(), 'auth.log');
    writeFileSync(path, 'one\ntwo\n');
    const config = fileSource.configSchema.parse({ type: 'file', path, format: 'sshd' });
    const controller = new AbortController();
    const source = fileSource.create('auth-log', config, fileSource.secretsSchema.parse({}), {
      resumeFrom: undefined,
      now: () => 0,
      sleep: () => new Promise((resolve) => setImmediate(resolve)),
      fetch: globalThis.fetch,
    });
    const batches: SourceBatch[] = [];
    const running = source.run(
      {
        deliver: async (batch) => {
          batches.push(batch);
          controller.abort();
        },
        status: () => undefined,
      },
      controller.signal,
    );
    await running;

    expect([fileSource.type, source.name, source.type]).toEqual(['file', 'auth-log', 'file']);
    expect(batches).toMatchObject([{ kind: 'lines', input: path, lines: ['one', 'two'] }]);
  });
});
