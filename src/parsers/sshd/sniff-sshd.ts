import { createYearResolver, parseSyslogLine } from '../syslog/index.ts';
import { isSshdProgram } from './sshd-programs.ts';
import { looksLikeJournal, readJournalLine } from './read-journal-line.ts';
import { readAsaOwnLine } from '../cisco-asa/index.ts';

/**
 * How well a sample fits: up to 0.6 for the share of syslog lines, and 0.3–0.4 more once some of
 * them come from sshd (full marks when a quarter or more do), so a generic syslog parser can win
 * plain syslog files and this one wins auth logs. journald's JSON export counts as syslog, so an
 * export holding sshd records beats the generic ndjson parser (0.9).
 */
export function sniffSshd(sample: readonly string[]): number {
  const years = createYearResolver({ year: 2000 });
  let lines = 0;
  let syslog = 0;
  let sshd = 0;
  for (const line of sample) {
    if (line.trim() === '') continue;
    lines++;
    const parsed = looksLikeJournal(line) ? readJournalLine(line) : parseSyslogLine(line, years);
    if (parsed === undefined) {
      // A Cisco ASA's line with its own time and no syslog header, which this parser reads too.
      if (readAsaOwnLine(line) !== undefined) syslog++;
      continue;
    }
    syslog++;
    if (isSshdProgram(parsed.program)) sshd++;
  }
  if (lines === 0) return 0;
  const syslogScore = (0.6 * syslog) / lines;
  const score = sshd === 0 ? syslogScore : syslogScore + 0.3 + 0.1 * Math.min(1, (4 * sshd) / lines);
  return Math.min(1, Math.round(score * 1000) / 1000);
}
