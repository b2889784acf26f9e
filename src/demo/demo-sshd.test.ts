import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandom } from './prng.ts';
import { generateDemoSshd } from './demo-sshd.ts';
import { datasetUrl } from '../../test/support/datasets.ts';

const REAL_AUTH_LOG = datasetUrl('sshd/auth.log');
const realLines = readFileSync(REAL_AUTH_LOG, 'utf8').split('\n').filter(Boolean);
const demo = generateDemoSshd(Date.UTC(2025, 2, 4), createRandom(11));

/** `Mar  4 13:06:56 host program[pid]: message` (RFC 3164 as rsyslog writes auth.log). */
const SYSLOG_SHAPE =
  /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 1-3]\d \d\d:\d\d:\d\d [\w.-]+ [\w-]+(\[\d+\])?: .+$/;

/** A line with addresses, numbers, user names, keys and sudo details replaced by placeholders. */
function templateOf(line: string): string {
  const match = /^\w{3} [ \d]\d [\d:]{8} \S+ ([\w-]+)(?:\[\d+\])?: (.*)$/.exec(line);
  if (!match) return `unparsed: ${line}`;
  const message = match[2]!
    .replace(/\d+\.\d+\.\d+\.\d+/g, 'IP')
    .replace(/SHA256:\S+/g, 'SHA256:KEY')
    .replace(/^ *[\w.-]+ : TTY=\S+ ; PWD=\S+ ; USER=\w+ ; COMMAND=.*$/, 'SUDO')
    .replace(/(for user |for invalid user |for |invalid user |user[= ]|by )[\w.-]*/g, '$1USER')
    .replace(/\d+/g, 'N');
  return `${match[1]}: ${message}`;
}

describe('generateDemoSshd', () => {
  it('writes every line in the shape of the real auth.log lines', () => {
    expect(realLines.every((line) => SYSLOG_SHAPE.test(line))).toBe(true);
    for (const line of demo.lines) expect(line).toMatch(SYSLOG_SHAPE);
  });

  it('writes only kinds of message that the real auth.log contains', () => {
    const real = new Set(realLines.map(templateOf));
    const ours = new Set(demo.lines.map(templateOf));
    expect(ours.size).toBeGreaterThan(20);
    expect([...ours].filter((template) => !real.has(template))).toEqual([]);
  });

  it('folds the follow-up failures of a root connection into one message repeated line', () => {
    const repeated = demo.lines.filter((line) =>
      line.includes('message repeated 5 times: [ Failed password for root'),
    );
    expect(repeated.length).toBeGreaterThanOrEqual(5);
  });

  it('numbers processes and login sessions upwards in time order', () => {
    const pids = demo.lines.flatMap((line) => {
      const match = /sshd\[(\d+)\]: (?:Invalid user|Accepted|pam_unix\(sshd:auth\): auth)/.exec(line);
      return match ? [Number(match[1])] : [];
    });
    expect(pids).toEqual([...pids].sort((a, b) => a - b));
    const sessions = demo.lines.flatMap(
      (line) => /New session (\d+) /.exec(line)?.slice(1).map(Number) ?? [],
    );
    expect(sessions).toEqual([...sessions].sort((a, b) => a - b));
  });
});
