import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DATASETS, jsonLines, runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-rotated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const YEAR = 2017;

/** When a syslog line was written, in YEAR: what logrotate leaves as the file's mtime. */
function syslogTime(line: string): Date {
  const match = /^(\w{3}) +(\d+) (\d\d):(\d\d):(\d\d)/.exec(line);
  if (!match) throw new Error(`no syslog time in ${line}`);
  const [, month, day, h, m, s] = match as unknown as string[];
  return new Date(Date.UTC(YEAR, MONTHS.indexOf(month as string), +day!, +h!, +m!, +s!));
}

function writeAged(path: string, content: string | Buffer, lastLine: string): string {
  writeFileSync(path, content);
  const mtime = new Date(syslogTime(lastLine).getTime() + 60_000);
  utimesSync(path, mtime, mtime);
  return path;
}

function sameSecondCut(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++)
    if (lines[i]?.includes('sshd[') && lines[i]?.slice(0, 15) === lines[i - 1]?.slice(0, 15)) return i;
  return from;
}

/** auth.log split as logrotate leaves it: the newest part plain, then .1, then gzipped .2.gz, .3.gz. */
function rotate(lines: string[]): { whole: string; rotations: string[] } {
  const whole = writeAged(join(dir, 'whole.log'), `${lines.join('\n')}\n`, lines.at(-1) as string);
  // Each cut falls between two lines of the same second, where ordering across files matters most.
  const cuts = [1, 2, 3].map((quarter) => sameSecondCut(lines, Math.floor((quarter * lines.length) / 4)));
  const bounds = [0, ...cuts, lines.length];
  const parts = [0, 1, 2, 3].map((i) => lines.slice(bounds[i], bounds[i + 1]));
  const names = ['auth.log.3.gz', 'auth.log.2.gz', 'auth.log.1', 'auth.log'];
  const rotations = parts.map((part, i) => {
    const name = names[i] as string;
    const text = `${part.join('\n')}\n`;
    return writeAged(join(dir, name), name.endsWith('.gz') ? gzipSync(text) : text, part.at(-1) as string);
  });
  return { whole, rotations: rotations.reverse() };
}

describe('replaying rotated and compressed logs', () => {
  const lines = readFileSync(join(DATASETS, 'sshd', 'auth.log'), 'utf8')
    .trimEnd()
    .split('\n');
  const { whole, rotations } = rotate(lines);

  it('finds in auth.log auth.log.1 auth.log.2.gz auth.log.3.gz exactly the incidents of the whole file', async () => {
    const one = await runCli('replay', whole, '--json');
    const split = await runCli('replay', ...rotations, '--json');
    expect(one.code).toBe(0);
    expect(split.code).toBe(0);
    const incidents = jsonLines(one.stdout);
    expect(incidents.length).toBeGreaterThan(3);
    expect(jsonLines(split.stdout)).toEqual(incidents);
    const counts = /^Read ([\d,]+) lines from \d+ files? \(sshd\): (.+)$/m;
    expect(counts.exec(split.stderr)?.slice(1)).toEqual(counts.exec(one.stderr)?.slice(1));
    expect(counts.exec(one.stderr)?.[1]).toBe(lines.length.toLocaleString('en-US'));
  });

  it('infers each file its year from its own modification time', async () => {
    const run = await runCli('parse', rotations[3] as string);
    expect(run.code).toBe(0);
    const first = jsonLines(run.stdout)[0] as { '@timestamp': string };
    expect(first['@timestamp'].startsWith(`${YEAR}-03-27`)).toBe(true);
    expect(run.stderr).toContain("inferred 2017 from auth.log.3.gz's modification time");
  });
});

describe('logs Klaxon cannot read', () => {
  const xz = join(dir, 'auth.log.4.xz');
  writeFileSync(xz, Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04, 0xe6, 0xd6, 0xb4, 0x46]));
  const binary = join(dir, 'wtmp');
  writeFileSync(
    binary,
    Buffer.concat([Buffer.from([7, 0, 0, 0, 0x2a]), Buffer.alloc(380), Buffer.from('pts/0\n')]),
  );

  it.each([
    ['replay', xz, 'is compressed with xz, which Klaxon does not read; decompress it first'],
    ['parse', xz, 'is compressed with xz'],
    ['replay', binary, 'is a binary file, not text lines'],
  ])('%s %s: a plain refusal and exit 1, never skipped garbage lines', async (command, path, message) => {
    for (const format of [[], ['--format', 'sshd']]) {
      const run = await runCli(command, path, ...format);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`klaxon: ${path} ${message}`);
      expect(run.stderr).not.toMatch(/skipped|\n\s+at /);
      expect(run.stdout).toBe('');
    }
  });
});
