import fc from 'fast-check';
import { createYearResolver, parseStructuredData, parseSyslogLine } from '../../src/parsers/syslog/index.ts';
import type { SyslogLine } from '../../src/parsers/syslog/index.ts';
import { syslogFragment } from './hostile.ts';
import { mutatedText } from './mutate.ts';
import { expectThat } from './runner.ts';
import type { FuzzTarget } from './runner.ts';
import { logreadLines, rfc5424Lines, sshdLines } from './seeds.ts';

const MAX_MS = 8_640_000_000_000_000;

/** Properties of any line parseSyslogLine accepts; undefined (not syslog) is always fine. */
function checkSyslogLine(line: string, parsed: SyslogLine | undefined): void {
  if (parsed === undefined) return;
  const { timestamp, priority, pid } = parsed;
  // Only RFC 5424, which starts with <PRI>, has a nil timestamp.
  if (priority === undefined || !Number.isNaN(timestamp))
    expectThat(Number.isFinite(timestamp) && Math.abs(timestamp) <= MAX_MS, `timestamp ${timestamp}`);
  if (priority !== undefined)
    expectThat(Number.isInteger(priority) && priority >= 0 && priority <= 191, `priority ${priority}`);
  if (pid !== undefined) expectThat(Number.isInteger(pid) && pid >= 0 && pid <= 0xffff_ffff, `pid ${pid}`);
  for (const part of [parsed.hostname, parsed.program, parsed.msgId, parsed.structuredData])
    if (part !== undefined) expectThat(typeof part === 'string' && part !== '', 'an empty header part');
  if (parsed.hostname !== undefined) expectThat(!parsed.hostname.includes(' '), 'a host name with a space');
  expectThat(
    typeof parsed.message === 'string' && line.includes(parsed.message),
    'a message not from the line',
  );
  if (parsed.structuredData !== undefined) parseStructuredData(parsed.structuredData);
}

function syslogTarget(name: string, seeds: () => string[]): FuzzTarget<string> {
  return {
    name,
    arbitrary: mutatedText(fc.constantFrom(...seeds()), syslogFragment, 5),
    pending: [],
    start: () => ({
      check(line) {
        const years = createYearResolver({ referenceTime: Date.parse('2024-06-30T12:00:00Z') });
        checkSyslogLine(line, parseSyslogLine(line, years));
      },
    }),
  };
}

/** RFC 3164 (`Mar 27 13:06:56 host sshd[42]: ...`, also with an ISO timestamp), from auth.log. */
export const rfc3164Target = syslogTarget('syslog-rfc3164', sshdLines);

/** RFC 5424 (`<38>1 2024-03-27T13:06:56.000Z host sshd 42 - [sd] ...`), auth.log's lines rewritten. */
export const rfc5424Target = syslogTarget('syslog-rfc5424', rfc5424Lines);

/** OpenWrt's logread (`Sun Mar 27 13:06:56 2024 [1711544816.000] authpriv.info sshd[42]: ...`). */
export const logreadTarget = syslogTarget('syslog-logread', logreadLines);
