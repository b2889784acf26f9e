import type { LineParser, ParserDefinition } from '../parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { scanAccessLine } from './scan-access-line.ts';
import { mapAccessEvent } from './map-access-event.ts';

export { mapAccessEvent } from './map-access-event.ts';
export { HAPROXY, readHaproxyLine } from './read-haproxy-line.ts';

export const NOT_ACCESS_LOG = 'not-access-log';
export const BAD_TIME = 'access-log-bad-time';

export const accessLogParser: ParserDefinition = {
  format: 'access-log',
  description: 'Web server access logs (nginx, Apache): Combined and Common Log Format',
  sniff: (sample) => shareOfLines(sample, (line) => scanAccessLine(line) !== undefined),
  create: () => createAccessLogParser(),
};

function createAccessLogParser(): LineParser {
  return {
    parseLine(line, emit) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      const access = scanAccessLine(text);
      if (access === undefined) return NOT_ACCESS_LOG;
      if (Number.isNaN(access.time)) return BAD_TIME;
      emit(mapAccessEvent(text, access, new Date(access.time).toISOString()), access.time);
      return null;
    },
    notes: () => [],
  };
}
