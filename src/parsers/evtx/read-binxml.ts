import { nameSize, readName } from './chunk-context.ts';
import type { BinXmlCursor } from './binxml-tokens.ts';
import { BinXmlError, MAX_DEPTH, MORE_FLAG, TOKEN } from './binxml-tokens.ts';
import { readTemplateInstance } from './template-instance.ts';
import { readScalar } from './values.ts';
import type { XmlAttribute, XmlElement, XmlNode } from './xml-node.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Reads nodes up to the end of a fragment (EOF) or of the enclosing element (END_ELEMENT, which
 * is consumed) or `end`. Template instances are read with their values and instantiated.
 */
export function readNodes(cursor: BinXmlCursor, end: number): XmlNode[] {
  const nodes: XmlNode[] = [];
  const buf = cursor.context.buf;
  while (cursor.pos < end) {
    const token = buf.readUInt8(cursor.pos);
    const base = token & ~MORE_FLAG;
    if (base === TOKEN.EOF || base === TOKEN.END_ELEMENT) {
      cursor.pos += 1;
      return nodes;
    }
    if (base === TOKEN.FRAGMENT_HEADER) cursor.pos += 4;
    else if (base === TOKEN.OPEN_START_ELEMENT) nodes.push(readElement(cursor, end));
    else if (base === TOKEN.TEMPLATE_INSTANCE) nodes.push(...readTemplateInstance(cursor, readNodes));
    else if (base === TOKEN.PI_TARGET) nodes.push(readInstruction(cursor));
    else nodes.push(readValueNode(cursor, base));
  }
  return nodes;
}

function readElement(cursor: BinXmlCursor, end: number): XmlElement {
  if (++cursor.depth > MAX_DEPTH) throw new BinXmlError(`elements nested deeper than ${MAX_DEPTH}`);
  const buf = cursor.context.buf;
  const token = buf.readUInt8(cursor.pos);
  // token (1), dependency id (2, not always there), data size (4), then the name's offset (4).
  const name = readNameAt(cursor, cursor.pos + (hasDependencyIds(cursor) ? 7 : 5));
  if ((token & MORE_FLAG) !== 0) cursor.pos += 4; // size of the attribute list
  const attributes = readAttributes(cursor);
  const close = buf.readUInt8(cursor.pos);
  cursor.pos += 1;
  let children: XmlNode[] = [];
  if (close === TOKEN.CLOSE_START_ELEMENT) children = readNodes(cursor, end);
  else if (close !== TOKEN.CLOSE_EMPTY_ELEMENT)
    throw new BinXmlError(`unexpected token 0x${close.toString(16)} closing <${name}>`);
  cursor.depth--;
  return { kind: 'element', name, attributes, children };
}

function hasDependencyIds(cursor: BinXmlCursor): boolean {
  const { context, pos } = cursor;
  if (context.dependencyIds !== undefined) return context.dependencyIds;
  const buf = context.buf;
  if (buf.readUInt32LE(pos + 7) === pos + 11) context.dependencyIds = true;
  else if (buf.readUInt32LE(pos + 5) === pos + 9) context.dependencyIds = false;
  return context.dependencyIds ?? true;
}

function readAttributes(cursor: BinXmlCursor): XmlAttribute[] {
  const buf = cursor.context.buf;
  const attributes: XmlAttribute[] = [];
  while ((buf.readUInt8(cursor.pos) & ~MORE_FLAG) === TOKEN.ATTRIBUTE) {
    const name = readNameAt(cursor, cursor.pos + 1);
    const value: XmlNode[] = [];
    for (;;) {
      const base = buf.readUInt8(cursor.pos) & ~MORE_FLAG;
      if (!isValueToken(base)) break;
      value.push(readValueNode(cursor, base));
    }
    attributes.push({ name, value });
  }
  return attributes;
}

function isValueToken(base: number): boolean {
  return (
    base === TOKEN.VALUE ||
    base === TOKEN.NORMAL_SUBSTITUTION ||
    base === TOKEN.OPTIONAL_SUBSTITUTION ||
    base === TOKEN.CHAR_REF ||
    base === TOKEN.ENTITY_REF ||
    base === TOKEN.CDATA_SECTION
  );
}

/** Reads the name whose offset is stored at `at`; moves past it, and past the name when it is inline. */
function readNameAt(cursor: BinXmlCursor, at: number): string {
  const { context } = cursor;
  const offset = context.buf.readUInt32LE(at);
  cursor.pos = at + 4;
  const name = readName(context, offset);
  if (offset === cursor.pos) cursor.pos += nameSize(context, offset);
  return name;
}

function readValueNode(cursor: BinXmlCursor, base: number): XmlNode {
  const buf = cursor.context.buf;
  const at = cursor.pos + 1;
  switch (base) {
    case TOKEN.VALUE: {
      const type = buf.readUInt8(at);
      const size = readValueSize(buf, at + 1, type);
      cursor.pos = at + 1 + size.header + size.bytes;
      return { kind: 'text', text: readScalar(buf, at + 1 + size.header, size.bytes, type) };
    }
    case TOKEN.NORMAL_SUBSTITUTION:
    case TOKEN.OPTIONAL_SUBSTITUTION:
      cursor.pos = at + 3; // index (2), value type (1)
      return { kind: 'sub', index: buf.readUInt16LE(at), optional: base === TOKEN.OPTIONAL_SUBSTITUTION };
    case TOKEN.CHAR_REF:
      cursor.pos = at + 2;
      return { kind: 'text', text: String.fromCharCode(buf.readUInt16LE(at)) };
    case TOKEN.ENTITY_REF: {
      const name = readNameAt(cursor, at);
      return {
        kind: 'text',
        text: (Object.hasOwn(ENTITIES, name) ? ENTITIES[name] : undefined) ?? `&${name};`,
      };
    }
    case TOKEN.CDATA_SECTION: {
      const count = buf.readUInt16LE(at);
      cursor.pos = at + 2 + count * 2;
      return { kind: 'text', text: readScalar(buf, at + 2, count * 2, 0x01) };
    }
    default:
      throw new BinXmlError(`unexpected token 0x${buf.readUInt8(cursor.pos).toString(16)}`);
  }
}

/** A `Value` token's length: strings carry a character (or byte) count, other types their width. */
function readValueSize(buf: Buffer, at: number, type: number): { header: number; bytes: number } {
  if (type === 0x01) return { header: 2, bytes: buf.readUInt16LE(at) * 2 };
  if (type === 0x02 || (type & 0x80) !== 0) return { header: 2, bytes: buf.readUInt16LE(at) };
  if (type === 0x0e) return { header: 4, bytes: buf.readUInt32LE(at) };
  const widths: Record<number, number> = { 3: 1, 4: 1, 5: 2, 6: 2, 7: 4, 8: 4, 9: 8, 10: 8, 11: 4, 12: 8 };
  const width = widths[type] ?? { 0x0d: 4, 0x0f: 16, 0x10: 8, 0x11: 8, 0x12: 16, 0x14: 4, 0x15: 8 }[type];
  if (width === undefined) throw new BinXmlError(`value token of unsupported type 0x${type.toString(16)}`);
  return { header: 0, bytes: width };
}

function readInstruction(cursor: BinXmlCursor): XmlNode {
  const target = readNameAt(cursor, cursor.pos + 1);
  const buf = cursor.context.buf;
  if ((buf.readUInt8(cursor.pos) & ~MORE_FLAG) !== TOKEN.PI_DATA) return { kind: 'pi', target, data: '' };
  const count = buf.readUInt16LE(cursor.pos + 1);
  const start = cursor.pos + 3;
  cursor.pos = start + count * 2;
  return { kind: 'pi', target, data: readScalar(buf, start, count * 2, 0x01) };
}
