import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS, jsonLines, runCli } from './run-cli.ts';

// The EVTX-to-MITRE-Attack samples (CC0) as .evtx, and as the JSON lines python-evtx made of them.
const RAW = `${DATASETS}windows/evtx-to-mitre-attack/raw/`;
const JSONL = `${DATASETS}windows/evtx-to-mitre-attack/jsonl/`;
const samples = readdirSync(JSONL)
  .filter((name) => name.endsWith('.jsonl'))
  .map((name) => name.replace(/\.jsonl$/, ''));

const dir = mkdtempSync(join(tmpdir(), 'klaxon-evtx-cli-'));

/**
 * The JSON lines without what evtx_to_jsonl.py adds beyond Winlogbeat's record fields (its own
 * `source` and `user` guesses from IpAddress/TargetUserName, and a file label), so that the
 * Windows mapping fills those fields for both inputs alike.
 */
function winlogbeatLines(sample: string): string {
  const path = join(dir, `${sample}.jsonl`);
  const lines = readFileSync(`${JSONL}${sample}.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { source: _source, user: _user, log: _log, ...doc } = JSON.parse(line) as Record<string, unknown>;
      return JSON.stringify(doc);
    });
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/**
 * Everything but the rendered record (XML, as each decoder writes it), with line ends as
 * python-evtx's XML round trip leaves them (CR LF becomes LF; the .evtx decoder keeps CR LF).
 */
function withoutOriginal(event: Record<string, unknown>): Record<string, unknown> {
  const { original: _original, ...fields } = event.event as Record<string, unknown>;
  return JSON.parse(JSON.stringify({ ...event, event: fields }).replaceAll('\\r\\n', '\\n')) as Record<
    string,
    unknown
  >;
}

describe('klaxon parse and replay on .evtx files', () => {
  it.each(samples)(
    'parse %s.evtx gives the events the windows parser gives for its Winlogbeat-shaped lines',
    async (sample) => {
      const evtx = await runCli('parse', `${RAW}${sample}.evtx`);
      const lines = await runCli('parse', winlogbeatLines(sample));
      expect(evtx.code).toBe(0);
      expect(evtx.stderr).toContain('(evtx)');
      expect(jsonLines(evtx.stdout).map(withoutOriginal)).toEqual(
        jsonLines(lines.stdout).map(withoutOriginal),
      );
    },
  );

  it('replays the .evtx files to the incidents their JSON lines give, and says what it sorted', async () => {
    const evtx = await runCli('replay', '--json', ...samples.map((sample) => `${RAW}${sample}.evtx`));
    const lines = await runCli('replay', '--json', ...samples.map(winlogbeatLines));
    const comparable = (text: string) =>
      jsonLines(text).map(({ rule, group, count, first_seen, last_seen }) => ({
        rule,
        group,
        count,
        first_seen,
        last_seen,
      }));
    expect(comparable(evtx.stdout).length).toBeGreaterThan(0);
    expect(comparable(evtx.stdout)).toEqual(comparable(lines.stdout));
    const rdp = await runCli('replay', `${RAW}ID131-RDP_brutforce_no_user_info.evtx`);
    expect(rdp.stdout).toMatch(
      /sorted 154 events of .*ID131-RDP_brutforce_no_user_info\.evtx by time \(127 were out of order\)/,
    );
    expect(rdp.stdout).not.toContain('later than the out-of-order tolerance');
  });

  it('reads a file named with --format evtx, and rejects one that is not', async () => {
    const named = await runCli('parse', '--format', 'evtx', `${RAW}${samples[0]}.evtx`);
    expect(named.code).toBe(0);
    const wrong = await runCli('parse', '--format', 'evtx', `${JSONL}${samples[0]}.jsonl`);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('not an .evtx file');
    expect(wrong.stderr).not.toMatch(/\n\s+at /);
  });
});
