import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_SYSLOG, RFC5424, scanSyslogLine } from './parse-syslog-line.ts';
import { createSyslogParts, type SyslogParts } from './syslog-parts.ts';
import { createYearResolver } from './year-resolver.ts';

/*
 * scanSyslogLine reuses the time of the line before when a line starts with the same timestamp text;
 * every line must scan as it does on its own (fresh parts, nothing remembered).
 */

const STAMPS = [
  'Mar  4 00:00:00',
  'Mar  4 00:00:01',
  'Mar  4 00:00:10',
  'Mar  4 00:01:00',
  'Mar 14 00:00:00',
  'Mar  4 00:00:0',
  'Mar  4 00:00:00.5',
  'Mar  4 00:00:00.25',
  'Apr  4 00:00:00',
  'Dec 31 23:59:59',
  'Jan  1 00:00:00',
  '2024-03-04T00:00:00Z',
  '2024-03-04T00:00:00+01:00',
  '2024-03-04T00:00:01Z',
  '<38>Mar  4 00:00:00',
  '<38>1 2024-03-04T00:00:00Z',
];
const RESTS = [
  ' host sshd[7]: Failed password',
  ' host sshd: x',
  'host sshd[7]: x',
  '',
  ' ',
  '  host x: y',
  '\r',
];

/** What a caller may read of `parts` after a scan of `kind` (nothing but the kind of a non-syslog line). */
function scanned(parts: SyslogParts, kind: number): unknown {
  const { timestamp, priority, hostStart, hostEnd, programStart, programEnd, pid, messageStart, end } = parts;
  if (kind === NO_SYSLOG) return { kind };
  if (kind === RFC5424) return { kind, priority, messageStart, end };
  return { kind, timestamp, priority, hostStart, hostEnd, programStart, programEnd, pid, messageStart, end };
}

describe('scanSyslogLine reusing the timestamp of the line before', () => {
  it('scans every line of a run as it scans that line alone', () => {
    const line = fc
      .tuple(fc.constantFrom(...STAMPS), fc.constantFrom(...RESTS), fc.nat(40))
      .map(([stamp, rest, cut]) => (cut < 30 ? stamp + rest : (stamp + rest).slice(0, cut - 30)));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.boolean(), (lines, fixed) => {
        const options = fixed ? { year: 2024 } : { referenceTime: Date.parse('2024-06-01T00:00:00Z') };
        const reusing = createYearResolver(options);
        const alone = createYearResolver(options);
        const parts = createSyslogParts(true);
        for (const text of lines) {
          const kind = scanSyslogLine(text, reusing, parts);
          const fresh = createSyslogParts(false);
          expect(scanned(parts, kind)).toEqual(scanned(fresh, scanSyslogLine(text, alone, fresh)));
        }
      }),
      { numRuns: 400, seed: 2026 },
    );
  });
});
