import type { XmlNode } from './xml-node.ts';

/** Names and template definitions of one chunk, each decoded once and cached by its offset. */
export interface ChunkContext {
  /** The 64 KiB chunk; every offset in binary XML is relative to its start. */
  buf: Buffer;
  names: Map<number, string>;
  templates: Map<number, XmlNode[]>;
  /**
   * Whether start-element tokens carry a 2-byte dependency id (they do in files Windows writes;
   * some exporters leave it out). Learnt from the first element whose name is inline.
   */
  dependencyIds?: boolean;
}

export function createChunkContext(buf: Buffer): ChunkContext {
  return { buf, names: new Map(), templates: new Map() };
}

/** Size of a name's header: next-name offset (4), hash (2), character count (2). */
const NAME_HEADER = 8;

/** The name stored at `offset`: its header, UTF-16LE characters and a NUL. */
export function readName(context: ChunkContext, offset: number): string {
  const cached = context.names.get(offset);
  if (cached !== undefined) return cached;
  const count = context.buf.readUInt16LE(offset + 6);
  const start = offset + NAME_HEADER;
  if (start + count * 2 > context.buf.length) throw new RangeError('name beyond the end of the chunk');
  const name = context.buf.toString('utf16le', start, start + count * 2);
  context.names.set(offset, name);
  return name;
}

/** Bytes a name occupies where it is defined inline. */
export function nameSize(context: ChunkContext, offset: number): number {
  return NAME_HEADER + context.buf.readUInt16LE(offset + 6) * 2 + 2;
}
