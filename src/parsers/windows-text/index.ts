import { zonelessTimeIn } from '../../core/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { createWinEventLogParser } from './create-wineventlog-parser.ts';

export { classicRecordEvent } from './create-wineventlog-parser.ts';
export { readWindowsTextTime, type ClassicRecord } from './read-classic-record.ts';
import { isRecordStart } from './read-classic-record.ts';

/** The header lines that follow an event's first line in each form (see readClassicRecord). */
const HEADER_LINE = /^(?:LogName=|EventCode=|SourceName=|\s*Log Name: |\s*Source: |\s*Event ID: )/;

export const winEventLogParser: ParserDefinition = {
  format: 'wineventlog',
  description:
    "Windows events as rendered text (Splunk's classic WinEventLog, wevtutil /f:text, Event Viewer's copied details), mapped as Winlogbeat's documents are",
  sniff(sample) {
    const lines = sample.filter((line) => line.trim() !== '').map((line) => line.replace(/\r$/, ''));
    // An event's first line is followed by its log's, source's or event id's line.
    const first = lines.findIndex(isRecordStart);
    if (first < 0) return 0;
    return lines.slice(first + 1, first + 4).some((line) => HEADER_LINE.test(line)) ? 0.95 : 0;
  },
  create: (options) => createWinEventLogParser(zonelessTimeIn(options.timeZone)),
};
