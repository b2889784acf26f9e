import type { BinXmlCursor } from './binxml-tokens.ts';
import { BinXmlError, MAX_DEPTH } from './binxml-tokens.ts';
import type { EvtxValue } from './values.ts';
import { NULL_VALUE, readValue } from './values.ts';
import type { XmlAttribute, XmlNode } from './xml-node.ts';

type ReadNodes = (cursor: BinXmlCursor, end: number) => XmlNode[];

/** Next-definition offset (4), GUID (16) and data size (4) precede a template's binary XML. */
const DEFINITION_HEADER = 24;

/**
 * Reads a template instance (token, 1 unknown byte, template id, definition offset), the
 * definition when it follows inline, then the substitution values, and returns the template's
 * nodes with the values in place. Definitions are decoded once per chunk, cached by offset.
 */
export function readTemplateInstance(cursor: BinXmlCursor, readNodes: ReadNodes): XmlNode[] {
  const { context } = cursor;
  const buf = context.buf;
  const definitionOffset = buf.readUInt32LE(cursor.pos + 6);
  cursor.pos += 10;
  const dataSize = buf.readUInt32LE(definitionOffset + 20);
  if (definitionOffset === cursor.pos) cursor.pos += DEFINITION_HEADER + dataSize;
  let template = context.templates.get(definitionOffset);
  if (template === undefined) {
    if (cursor.depth + 1 > MAX_DEPTH) throw new BinXmlError(`templates nested deeper than ${MAX_DEPTH}`);
    const start = definitionOffset + DEFINITION_HEADER;
    template = readNodes({ ...cursor, pos: start, depth: cursor.depth + 1 }, start + dataSize);
    context.templates.set(definitionOffset, template);
  }
  const values = readValues(cursor);
  return instantiate(template, values, cursor, readNodes);
}

function readValues(cursor: BinXmlCursor): EvtxValue[] {
  const buf = cursor.context.buf;
  const count = buf.readUInt32LE(cursor.pos);
  if (count * 4 > buf.length - cursor.pos) throw new BinXmlError(`${count} substitution values cannot fit`);
  let descriptor = cursor.pos + 4;
  let data = descriptor + count * 4;
  const values: EvtxValue[] = [];
  for (let i = 0; i < count; i++, descriptor += 4) {
    const size = buf.readUInt16LE(descriptor);
    values.push(readValue(buf, data, size, buf.readUInt8(descriptor + 2)));
    data += size;
  }
  cursor.pos = data;
  return values;
}

function instantiate(
  template: readonly XmlNode[],
  values: readonly EvtxValue[],
  cursor: BinXmlCursor,
  readNodes: ReadNodes,
): XmlNode[] {
  const out: XmlNode[] = [];
  cursor.budget.nodes -= template.length;
  if (cursor.budget.nodes < 0) throw new BinXmlError('the record expands to too many nodes');
  for (const node of template) {
    if (node.kind === 'sub') out.push(...valueNodes(values[node.index] ?? NULL_VALUE, cursor, readNodes));
    else if (node.kind === 'element') {
      const attributes: XmlAttribute[] = [];
      for (const attribute of node.attributes) {
        const value = instantiate(attribute.value, values, cursor, readNodes);
        if (value.length > 0 || !isOptionalOnly(attribute)) attributes.push({ name: attribute.name, value });
      }
      const children = instantiate(node.children, values, cursor, readNodes);
      out.push({ kind: 'element', name: node.name, attributes, children });
    } else out.push(node);
  }
  return out;
}

function isOptionalOnly(attribute: XmlAttribute): boolean {
  return attribute.value.length > 0 && attribute.value.every((node) => node.kind === 'sub' && node.optional);
}

function valueNodes(value: EvtxValue, cursor: BinXmlCursor, readNodes: ReadNodes): XmlNode[] {
  switch (value.kind) {
    case 'null':
      return [];
    case 'text':
      return [{ kind: 'text', text: value.text }];
    case 'array':
      return [{ kind: 'text', text: value.items.join(', '), items: value.items }];
    case 'binxml': {
      if (cursor.depth + 1 > MAX_DEPTH) throw new BinXmlError(`binary XML nested deeper than ${MAX_DEPTH}`);
      const nested = { ...cursor, pos: value.offset, depth: cursor.depth + 1 };
      return readNodes(nested, value.offset + value.size);
    }
  }
}
