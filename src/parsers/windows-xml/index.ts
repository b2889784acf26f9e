import type { ParserDefinition } from '../parser.ts';
import { createWindowsXmlParser } from './create-windows-xml-parser.ts';

/** The event schema's namespace, which every Windows event's XML names. */
const EVENT_NAMESPACE = 'schemas.microsoft.com/win/2004/08/events/event';

export const windowsXmlParser: ParserDefinition = {
  format: 'windows-xml',
  description:
    "Windows events as XML text (wevtutil /f:xml, Get-WinEvent's ToXml(), Splunk's XmlWinEventLog, Event Viewer's Save as XML), mapped as Winlogbeat's documents are",
  sniff(sample) {
    const lines = sample.map((line) => line.trim()).filter((line) => line !== '');
    if (
      lines.length === 0 ||
      !lines.some((line) => line.includes('<Event') && line.includes(EVENT_NAMESPACE))
    )
      return 0;
    // Indented exports hold a tag a line; one-line events start each line with theirs.
    const markup = lines.filter((line) => line.startsWith('<')).length;
    return markup * 2 >= lines.length ? 0.95 : 0;
  },
  create: () => createWindowsXmlParser(),
};
