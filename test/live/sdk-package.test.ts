import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INGEST_TOKEN, startIngestReceiver } from '../../packages/sdk/src/testdata/ingest-receiver.ts';
import type { IngestReceiver } from '../../packages/sdk/src/testdata/ingest-receiver.ts';
import { installPackedSdk } from '../support/packed-sdk.ts';

const run = promisify(execFile);
const SCRIPT = (load: string) => `${load}
(async () => {
  const reporter = createReporter();
  reporter.report({ action: 'login_failed', ip: '203.0.113.9', user: process.argv[2] });
  await reporter.close();
  console.log(JSON.stringify({ dropped: reporter.dropped, spool: typeof fileSpool }));
})();
`;

describe('the packed @klaxon/sdk in an empty application', () => {
  let app: string;
  let receiver: IngestReceiver;
  beforeEach(async () => {
    app = mkdtempSync(join(tmpdir(), 'klaxon-sdk-app-'));
    receiver = await startIngestReceiver();
  });
  afterEach(async () => {
    await receiver.close();
    rmSync(app, { recursive: true, force: true });
  });

  it('installs alone, with no dependencies, and works through require() and import()', async () => {
    await installPackedSdk(app);
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/@klaxon/sdk/package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(readdirSync(join(app, 'node_modules'))).toEqual(['@klaxon']);
    writeFileSync(
      join(app, 'report.cjs'),
      SCRIPT(
        "const { createReporter } = require('@klaxon/sdk');\nconst { fileSpool } = require('@klaxon/sdk/node');",
      ),
    );
    writeFileSync(
      join(app, 'report.mjs'),
      SCRIPT("import { createReporter } from '@klaxon/sdk';\nimport { fileSpool } from '@klaxon/sdk/node';"),
    );
    const env = {
      ...process.env,
      KLAXON_URL: receiver.url,
      KLAXON_TOKEN: INGEST_TOKEN,
      KLAXON_SERVICE: 'shop-web',
    };
    for (const [file, user] of [
      ['report.cjs', 'from-require'],
      ['report.mjs', 'from-import'],
    ] as const) {
      const { stdout } = await run(process.execPath, [file, user], { cwd: app, env });
      expect(JSON.parse(stdout)).toEqual({ dropped: 0, spool: 'function' });
    }
    const events = await receiver.waitForAccepted(2);
    expect(events.map((event) => event['user'])).toEqual([{ name: 'from-require' }, { name: 'from-import' }]);
    expect(events[0]).toMatchObject({ service: { name: 'shop-web' }, source: { ip: '203.0.113.9' } });
  });

  it('has no node: imports in the core build, for edge runtimes', async () => {
    await installPackedSdk(app);
    for (const flavour of ['esm', 'cjs']) {
      const dir = join(app, 'node_modules/@klaxon/sdk/dist', flavour);
      const withNode = readdirSync(dir)
        .filter((name) => name.endsWith('.js'))
        .filter((name) => /(from |require\()["']node:/.test(readFileSync(join(dir, name), 'utf8')));
      expect(withNode).toEqual(['file-spool.js']);
    }
  });
});
