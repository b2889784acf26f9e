import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWinlogbeatText } from '../../test/support/close-winlogbeat.ts';
import type { Incident, SecurityEvent } from '../core/index.ts';
import { getField } from '../core/index.ts';
import { openStore } from '../store/index.ts';
import { parseEvidenceLine } from './line-evidence.ts';
import { loadRules } from './load-rules.ts';
import { runReplay } from './replay.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-line-evidence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rules = await loadRules(undefined);
let input = '';
beforeAll(async () => {
  input = join(dir, 'timed.ndjson');
  writeFileSync(input, withForeignNames(await closeWinlogbeatText(dir)));
}, 60_000);

/**
 * Every third document's account named with a letter written as UTF-8 and one escaped: a line the
 * byte matcher gives back to the text matcher (see NOT_ASCII), and a value decoded from its escape.
 */
function withForeignNames(text: string): string {
  return text
    .split('\n')
    .map((line, index) => {
      const name = /"TargetUserName":"([^"\\]+)"/.exec(line)?.[1];
      return index % 3 === 0 && name ? line.replaceAll(`"${name}"`, `"${name}ü\\u00e9"`) : line;
    })
    .join('\n');
}

const bySerial = (incidents: readonly Incident[]) =>
  Object.fromEntries(incidents.map((incident) => [incident.serial, incident.samples]));

async function readIncidents(url: string, withParser: boolean): Promise<Incident[]> {
  const store = await openStore(url, withParser ? { evidence: parseEvidenceLine } : {});
  try {
    return await store.incidents.list({ order: 'oldest' });
  } finally {
    await store.close();
  }
}

describe('a replay into a store', () => {
  it.each([1, 2])(
    '(%i threads) writes its evidence as lines, read back as the whole events of a replay without a store',
    async (threads) => {
      const options = { inputs: [input], rules, threads, rangeBytes: 64 * 1024 };
      const memory = await runReplay(options);
      expect(memory.incidents.length).toBeGreaterThan(3);
      const url = `sqlite:${join(dir, `replay-${threads}.db`)}`;
      const store = await openStore(url, { evidence: parseEvidenceLine });
      try {
        await runReplay({ ...options, store });
      } finally {
        await store.close();
      }

      const rows = new Sqlite(url.slice('sqlite:'.length), { readonly: true });
      const stored = rows.prepare('select samples_json from incidents').all() as { samples_json: string }[];
      rows.close();
      const items = stored.flatMap((row) => JSON.parse(row.samples_json) as unknown[]);
      expect(items.length).toBeGreaterThan(3);
      for (const item of items)
        expect(item).toEqual(['line', 'windows', expect.any(String), expect.any(String), expect.any(Object)]);

      const whole = await readIncidents(url, true);
      expect(bySerial(whole)).toEqual(bySerial(memory.incidents));

      // Read without Klaxon's parsers: the line, its time, and the fields cases are made of.
      const bare = await readIncidents(url, false);
      const wholeSamples = whole.flatMap((incident) => incident.samples);
      const bareSamples = bare.flatMap((incident) => incident.samples);
      expect(bareSamples).toHaveLength(wholeSamples.length);
      bareSamples.forEach((sample, index) => {
        const of = wholeSamples[index] as SecurityEvent;
        expect(sample['@timestamp']).toBe(of['@timestamp']);
        expect(sample.event.original).toBe(of.event.original);
        for (const field of ['source.ip', 'user.name'])
          expect(getField(sample, field)).toEqual(getField(of, field));
      });
      expect(bareSamples.some((sample) => getField(sample, 'user.name') !== undefined)).toBe(true);
      expect(bareSamples.some((sample) => String(getField(sample, 'user.name')).endsWith('üé'))).toBe(true);
    },
  );

  it('parses again only lines of formats whose parser reads each line on its own', () => {
    const line = '{"@timestamp":"2024-05-06T06:00:00Z","event":{"code":"4625"},"source":{"ip":"192.0.2.1"}}';
    expect(parseEvidenceLine('ndjson', line)?.source).toEqual({ ip: '192.0.2.1' });
    expect(
      parseEvidenceLine(
        'sshd',
        'Mar  4 00:00:02 host sshd[1]: Failed password for root from 192.0.2.1 port 22 ssh2',
      ),
    ).toBeUndefined();
    expect(parseEvidenceLine('no-such-format', line)).toBeUndefined();
    expect(parseEvidenceLine('windows', 'not json')).toBeUndefined();
  });
});
