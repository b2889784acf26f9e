import { createRequire } from 'node:module';
import type { SaxesParser as Saxes } from 'saxes';
import { JSON_LIMITS } from '../../core/index.ts';
import type { XmlElement, XmlNode } from '../evtx/xml-node.ts';

export type XmlSkipReason = 'invalid-xml' | 'too-deep' | 'not-an-event';

let loaded: typeof Saxes | undefined;

/** saxes, loaded at the first XML event: every process that never reads one is spared it. */
function saxesParser(): typeof Saxes {
  loaded ??= (createRequire(import.meta.url)('saxes') as { SaxesParser: typeof Saxes }).SaxesParser;
  return loaded;
}

/**
 * One `<Event>` element of Windows' event XML (what wevtutil, Get-WinEvent's ToXml() and Splunk's
 * XmlWinEventLog write) as the tree the EVTX decoder builds, so that both become the same document
 * (see renderDocument). saxes reads it: a conforming parser that expands no entity beyond XML's own
 * and numeric references (no DTD, so no entity bomb); elements deeper than JSON_LIMITS.maxDepth
 * (Windows' own are 5 deep) end the read, which keeps every later recursive walk short.
 */
export function readEventXml(text: string): XmlElement | XmlSkipReason {
  const parser = new (saxesParser())({ fragment: true, position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: XmlSkipReason | undefined;
  // Thrown out of a handler: saxes would otherwise read on to the end of a garbled text.
  const stop = (reason: XmlSkipReason): never => {
    failure ??= reason;
    throw new Error(reason);
  };
  const append = (node: XmlNode): void => {
    stack.at(-1)?.children.push(node);
  };
  parser.on('opentag', (tag) => {
    if (stack.length >= JSON_LIMITS.maxDepth) stop('too-deep');
    const element: XmlElement = {
      kind: 'element',
      name: tag.name,
      attributes: Object.entries(tag.attributes).map(([name, value]) => ({
        name,
        value: [{ kind: 'text', text: value }],
      })),
      children: [],
    };
    if (stack.length === 0) {
      // One event per text: a second root is another event's, which the caller splits off.
      if (root !== undefined) stop('invalid-xml');
      root = element;
    } else append(element);
    // saxes reports a self-closing tag's close too.
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (value) => append({ kind: 'text', text: value }));
  parser.on('cdata', (value) => append({ kind: 'text', text: value }));
  parser.on('error', () => stop('invalid-xml'));
  try {
    parser.write(text).close();
  } catch {
    failure ??= 'invalid-xml';
  }
  if (failure !== undefined) return failure;
  if (root?.name !== 'Event') return 'not-an-event';
  splitStringArrays(root);
  return root;
}

const STRING_OPEN = '<string>';
const STRING_CLOSE = '</string>';

/**
 * python-evtx (and so the XML of tools built on it) writes a classic provider's insertion strings,
 * an array in the record, as one unnamed Data of `<string>` items, a line each: they are the array's
 * items, as the EVTX decoder gives them (param1, param2, ...). Windows itself writes one Data per
 * string.
 */
function splitStringArrays(root: XmlElement): void {
  for (const part of root.children) {
    if (part.kind !== 'element' || part.name !== 'EventData') continue;
    for (const data of part.children) {
      if (data.kind !== 'element' || data.name !== 'Data' || data.attributes.length > 0) continue;
      const only = data.children.length === 1 ? data.children[0] : undefined;
      if (only?.kind !== 'text') continue;
      const items = stringItems(only.text);
      if (items !== undefined) only.items = items;
    }
  }
}

/** `<string>a</string>` items, each followed by a line break or not; undefined for any other text. */
function stringItems(text: string): string[] | undefined {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (!body.startsWith(STRING_OPEN) || !body.endsWith(STRING_CLOSE)) return undefined;
  const items: string[] = [];
  for (const piece of body.slice(0, -STRING_CLOSE.length).split(STRING_CLOSE)) {
    const item = piece.startsWith('\n') ? piece.slice(1) : piece;
    if (!item.startsWith(STRING_OPEN)) return undefined;
    items.push(item.slice(STRING_OPEN.length));
  }
  return items;
}
