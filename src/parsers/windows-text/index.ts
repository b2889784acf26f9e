import type { ParserDefinition } from '../parser.ts';
import { createWinEventLogParser } from './create-wineventlog-parser.ts';
import { isRecordStart } from './read-classic-record.ts';

const HEADER_LINE = /^(?:LogName|EventCode|SourceName)=/;

export const winEventLogParser: ParserDefinition = {
  format: 'wineventlog',
  description:
    "Windows events as Splunk's classic WinEventLog text (a time line, Key=Value lines, the rendered message), mapped as Winlogbeat's documents are",
  sniff(sample) {
    const lines = sample.filter((line) => line.trim() !== '').map((line) => line.replace(/\r$/, ''));
    // An event's time line is followed by its LogName, SourceName or EventCode line.
    const first = lines.findIndex(isRecordStart);
    if (first < 0) return 0;
    return lines.slice(first + 1, first + 4).some((line) => HEADER_LINE.test(line)) ? 0.95 : 0;
  },
  create: () => createWinEventLogParser(),
};
