import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWinlogbeatText } from '../../test/support/close-winlogbeat.ts';
import { useStoreUrls } from '../../test/support/store-urls.ts';
import type { Incident } from '../core/index.ts';
import { InputError } from '../core/index.ts';
import { openStore } from '../store/index.ts';
import { parseEvidenceLine } from './line-evidence.ts';
import { loadRules } from './load-rules.ts';
import type { ReplayReport } from './replay.ts';
import { runReplay } from './replay.ts';
import { decodeReplayCheckpoint, encodeReplayCheckpoint, replayCheckpointName } from './replay-checkpoint.ts';
import { restoreSavedLines } from './restore-saved-lines.ts';
import { PowerCut } from './testdata/power-cut.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-resume-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rules = await loadRules(undefined);
let text = '';
beforeAll(async () => {
  text = await closeWinlogbeatText(dir);
}, 60_000);

/** What an incident is, whichever way it was kept (the store adds its own bookkeeping). */
const outcome = (report: ReplayReport) =>
  report.incidents.map((incident: Incident) => {
    const { serial, episodeId, ruleId, group, count, firstSeen, lastSeen, status, previousSerial } = incident;
    const samples = JSON.parse(JSON.stringify(incident.samples)) as unknown;
    return { serial, episodeId, ruleId, group, count, firstSeen, lastSeen, status, previousSerial, samples };
  });

/** A replay of `input` into `url` cut at its second checkpoint: the checkpoint's saved text. */
async function cutReplay(url: string, input: string, threads: number): Promise<string> {
  const store = await openStore(url, { evidence: parseEvidenceLine });
  try {
    const options = { inputs: [input], rules, store, checkpointEveryMs: 1, rangeBytes: 64 * 1024, threads };
    let tick = 0;
    const cut = runReplay({ ...options, now: () => (tick += 1_000), notify: new PowerCut(2) });
    await expect(cut).rejects.toThrow('power cut');
    return ((await store.checkpoints.load(replayCheckpointName([input]))) as { data: string }).data;
  } finally {
    await store.close();
  }
}

async function resume(
  url: string,
  input: string,
  threads: number,
  reading: { timeZone?: string; year?: number } = {},
): Promise<ReplayReport> {
  const store = await openStore(url, { evidence: parseEvidenceLine });
  try {
    return await runReplay({ inputs: [input], rules, store, rangeBytes: 64 * 1024, threads, ...reading });
  } finally {
    await store.close();
  }
}

describe('a replay resumed from a snapshot that names lines by where they are in its input', () => {
  const storeUrl = useStoreUrls('klaxon-resume-lines-');

  it.each([
    ['sqlite', 1],
    ['sqlite', 2],
    ['postgres', 1],
  ] as const)(
    'on %s (%i threads), reads them back, also from a checkpoint of the previous form, and refuses a changed input',
    async (dialect, threads) => {
      const input = join(dir, `${dialect}-${threads}.ndjson`);
      writeFileSync(input, text);
      const memory = outcome(await runReplay({ inputs: [input], rules, rangeBytes: 64 * 1024, threads }));
      expect(memory.length).toBeGreaterThan(3);

      const newUrl = await storeUrl(dialect, `new-${threads}`);
      const saved = await cutReplay(newUrl, input, threads);
      expect(saved).toContain('"|lineAt"');
      expect(saved).not.toContain('"|line"');
      // Read otherwise, the rest of the input would give other events or times: refused, untouched.
      await expect(resume(newUrl, input, threads, { timeZone: 'Europe/Berlin', year: 2024 })).rejects.toThrow(
        'the interrupted replay into this store read these inputs with no --format, --year or --timezone, ' +
          'not --year 2024 --timezone Europe/Berlin; run it with the same options to resume it',
      );
      const resumed = await resume(newUrl, input, threads);
      expect(resumed.resumedAfter).toBeGreaterThan(0);
      expect(outcome(resumed)).toEqual(memory);

      // As the previous form saved it: the lines themselves, and no stamps of the inputs.
      const oldUrl = await storeUrl(dialect, `old-${threads}`);
      const cut = decodeReplayCheckpoint(await cutReplay(oldUrl, input, threads));
      const old = { ...cut, stamps: undefined, snapshot: restoreSavedLines(cut.snapshot, [input]) };
      expect(old.snapshot).toContain('"|format"');
      expect(old.snapshot).not.toContain('"|lineAt"');
      const store = await openStore(oldUrl, { evidence: parseEvidenceLine });
      await store.checkpoints.save(replayCheckpointName([input]), encodeReplayCheckpoint(old), 0);
      await store.close();
      const fromOld = await resume(oldUrl, input, threads);
      expect(fromOld.resumedAfter).toBeGreaterThan(0);
      expect(outcome(fromOld)).toEqual(memory);

      // The same size, other bytes: the lines the snapshot names would be other lines. Refused even
      // with the modification time put back as it was (`cp -p`, `touch -r`).
      const changedUrl = await storeUrl(dialect, `changed-${threads}`);
      const stamped = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
      utimesSync(input, stamped, stamped);
      await cutReplay(changedUrl, input, threads);
      writeFileSync(input, text.replace('"4625"', '"4626"'));
      utimesSync(input, stamped, stamped);
      await expect(resume(changedUrl, input, threads)).rejects.toThrow(
        /changed since the interrupted replay into this store checkpointed/,
      );
      utimesSync(input, new Date(), new Date(Date.now() + 5_000));
      await expect(resume(changedUrl, input, threads)).rejects.toThrow(
        /changed since the interrupted replay into this store checkpointed/,
      );
      // Gone since: a clear refusal naming it, not a system error.
      rmSync(input);
      const gone = resume(changedUrl, input, threads);
      await expect(gone).rejects.toThrow(InputError);
      await expect(gone).rejects.toThrow(`${input}: cannot be read (ENOENT)`);
    },
    180_000,
  );
});
