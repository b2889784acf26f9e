import { JSON_LIMITS, parseIsoMillis } from '../../core/index.ts';
import { renderDocument } from '../evtx/render-document.ts';
import { childElement, textOf } from '../evtx/xml-node.ts';
import { readEcsObject } from '../ndjson/index.ts';
import type { EmitEvent, LineParser } from '../parser.ts';
import { enrichWindowsEvent } from '../windows/index.ts';
import { readEventXml } from './read-event-xml.ts';

const START = '<Event';
const END = '</Event>';

/**
 * Windows events as XML text, one `<Event>` element after another: one a line (Splunk's
 * XmlWinEventLog, `Get-WinEvent | % ToXml()`), several on one line, or one over many lines (an
 * indented export; the `<Events>` around Event Viewer's "Save as XML" is passed over). Each becomes
 * the document the EVTX decoder makes of the same record, its text as `event.original` (and a
 * rendered one's RenderingInfo message as `message`), and is mapped as the `windows` parser maps
 * Winlogbeat's. An event longer than JSON_LIMITS.maxLength is
 * skipped (`too-long`), as is text that is no event (`not-an-event`) or no XML (`invalid-xml`).
 */
export function createWindowsXmlParser(): LineParser {
  // The lines of an event whose end has not come yet, and their length.
  let pending: string[] = [];
  let pendingLength = 0;
  // Events whose lines were used (parseLine gave null) and that never ended, told in notes().
  let cutOff = 0;

  return {
    parseLine(line, emit) {
      let text = line;
      if (pending.length > 0) {
        // An end tag holds no line break: the new line alone says whether the event ends in it.
        const end = line.indexOf(END);
        const restart = findStart(line, 0);
        if (restart >= 0 && (end < 0 || restart < end)) {
          // A new event before the end of the one kept: that one was cut off.
          cutOff++;
        } else if (end < 0) {
          return keep(line, 0) ?? null;
        } else {
          text = `${pending.join('\n')}\n${line}`;
        }
        pending = [];
        pendingLength = 0;
      }
      let from = 0;
      let emitted = false;
      let skipped: string | null = null;
      for (;;) {
        const start = findStart(text, from);
        if (start < 0) break;
        const end = text.indexOf(END, start);
        if (end < 0) {
          skipped = keep(text, start) ?? skipped;
          if (skipped === null) emitted = true;
          break;
        }
        const reason = emitEvent(text.slice(start, end + END.length), emit);
        if (reason === null) emitted = true;
        else skipped = reason;
        from = end + END.length;
      }
      if (emitted) return null;
      return skipped ?? (line.trim() === '' ? 'blank' : 'not-an-event');
    },
    notes() {
      const open = pending.length > 0 ? 1 : 0;
      const count = cutOff + open;
      if (count === 0) return [];
      return [
        `${count} XML event${count === 1 ? ' was' : 's were'} cut off before ${count === 1 ? 'its' : 'their'} </Event> and skipped`,
      ];
    },
  };

  /** Keeps the start of an event for the lines to come; `too-long` once it is longer than a line may be. */
  function keep(text: string, start: number): string | undefined {
    const part = start === 0 ? text : text.slice(start);
    pendingLength += part.length + 1;
    if (pendingLength > JSON_LIMITS.maxLength) {
      pending = [];
      pendingLength = 0;
      return 'too-long';
    }
    pending.push(part);
    return undefined;
  }
}

/** Where the next `<Event` start tag begins (not `<EventData`, `<EventXML`, ...), or -1. */
function findStart(text: string, from: number): number {
  for (let at = text.indexOf(START, from); at >= 0; at = text.indexOf(START, at + START.length)) {
    const next = text.charCodeAt(at + START.length);
    // The text's end (the tag goes on in the next line), a blank, `>` or `/`.
    if (
      Number.isNaN(next) ||
      next === 32 ||
      next === 9 ||
      next === 13 ||
      next === 10 ||
      next === 62 ||
      next === 47
    )
      return at;
  }
  return -1;
}

function emitEvent(text: string, emit: EmitEvent): string | null {
  if (text.length > JSON_LIMITS.maxLength) return 'too-long';
  const root = readEventXml(text);
  if (typeof root === 'string') return root;
  const doc = renderDocument([root], undefined, text);
  // Rendered XML (wevtutil /f:RenderedXml, Splunk's XmlWinEventLog) carries the event's message,
  // which Winlogbeat ships as `message`.
  const rendering = childElement(root, 'RenderingInfo');
  const message = rendering && childElement(rendering, 'Message');
  if (message !== undefined) doc.message = textOf(message.children).trim();
  const event = readEcsObject(doc);
  if (typeof event === 'string') return event;
  enrichWindowsEvent(event);
  emit(event, parseIsoMillis(event['@timestamp']));
  return null;
}
