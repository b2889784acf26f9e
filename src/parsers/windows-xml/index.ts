import type { ParserDefinition } from '../parser.ts';
import { createWindowsXmlParser } from './create-windows-xml-parser.ts';

/** The event schema's namespace, which every Windows event's XML names. */
const EVENT_NAMESPACE = 'schemas.microsoft.com/win/2004/08/events/event';
/** Sysmon for Linux writes its events' XML to syslog without the namespace. */
const LINUX_SYSMON = 'Linux-Sysmon';

function isEventLine(line: string): boolean {
  return line.includes('<Event') && (line.includes(EVENT_NAMESPACE) || line.includes(LINUX_SYSMON));
}

export const windowsXmlParser: ParserDefinition = {
  format: 'windows-xml',
  description:
    "Windows events as XML text (wevtutil /f:xml, Get-WinEvent's ToXml(), Splunk's XmlWinEventLog, Event Viewer's Save as XML) and Sysmon for Linux's syslog lines, mapped as Winlogbeat's documents are",
  sniff(sample) {
    const lines = sample.map((line) => line.trim()).filter((line) => line !== '');
    const events = lines.filter(isEventLine);
    if (events.length === 0) return 0;
    // Indented exports hold a tag a line; one-line events start each line with theirs, or follow
    // a syslog header (Sysmon for Linux), as most lines of the sample then do. JSON documents
    // holding an event's XML as a string (Winlogbeat's event.original) are no such lines.
    const markup = lines.filter((line) => line.startsWith('<')).length;
    const afterHeader = events.filter((line) => !line.startsWith('<') && !line.startsWith('{')).length;
    return markup * 2 >= lines.length || afterHeader * 2 >= lines.length ? 0.95 : 0;
  },
  create: () => createWindowsXmlParser(),
};
