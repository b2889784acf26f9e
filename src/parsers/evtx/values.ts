import { formatFiletime, formatSystemtime } from './filetime.ts';

/** A substitution value: text, several texts (array types), nested binary XML, or nothing. */
export type EvtxValue =
  | { kind: 'null' }
  | { kind: 'text'; text: string }
  | { kind: 'array'; items: string[] }
  | { kind: 'binxml'; offset: number; size: number };

export const NULL_VALUE: EvtxValue = Object.freeze({ kind: 'null' });

const ARRAY_FLAG = 0x80;
const BINXML_TYPE = 0x21;
/** Element sizes of the fixed-size types, for arrays of them. */
const FIXED_SIZES: Record<number, number> = {
  0x03: 1,
  0x04: 1,
  0x05: 2,
  0x06: 2,
  0x07: 4,
  0x08: 4,
  0x09: 8,
  0x0a: 8,
  0x0b: 4,
  0x0c: 8,
  0x0d: 4,
  0x0f: 16,
  0x11: 8,
  0x12: 16,
  0x14: 4,
  0x15: 8,
};

/**
 * Decodes a value of `size` bytes at `offset` (a template instance's substitution). Texts are
 * what python-evtx renders, so documents compare equal with its output: integers in decimal,
 * hex types zero-padded to their width, GUIDs in lower case, binary in base64, times in UTC.
 */
export function readValue(buf: Buffer, offset: number, size: number, type: number): EvtxValue {
  if (size === 0 || type === 0) return NULL_VALUE;
  if (offset + size > buf.length) throw new RangeError('value beyond the end of the chunk');
  if (type === BINXML_TYPE) return { kind: 'binxml', offset, size };
  if ((type & ARRAY_FLAG) !== 0) return { kind: 'array', items: readArray(buf, offset, size, type & 0x7f) };
  return { kind: 'text', text: readScalar(buf, offset, size, type) };
}

function readArray(buf: Buffer, offset: number, size: number, type: number): string[] {
  if (type === 0x01) return splitUtf16(buf.toString('utf16le', offset, offset + size));
  if (type === 0x02) return splitUtf16(buf.toString('latin1', offset, offset + size));
  const width = type === 0x10 ? 8 : FIXED_SIZES[type];
  if (width === undefined) return [readScalar(buf, offset, size, 0x0e)];
  const items: string[] = [];
  for (let at = offset; at + width <= offset + size; at += width)
    items.push(readScalar(buf, at, width, type));
  return items;
}

function splitUtf16(text: string): string[] {
  const items = text.split('\u0000');
  if (items.length > 1 && items[items.length - 1] === '') items.pop();
  return items;
}

/** One value of a scalar type (also used by `Value` tokens, after their length prefix). */
export function readScalar(buf: Buffer, offset: number, size: number, type: number): string {
  const reader = SCALAR_READERS[type];
  return reader ? reader(buf, offset, size) : buf.toString('base64', offset, offset + size);
}

type ScalarReader = (buf: Buffer, offset: number, size: number) => string;

const SCALAR_READERS: Record<number, ScalarReader> = {
  0x01: (b, o, s) => stripNuls(b.toString('utf16le', o, o + s - (s % 2))),
  0x02: (b, o, s) => stripNuls(b.toString('latin1', o, o + s)),
  0x03: (b, o) => String(b.readInt8(o)),
  0x04: (b, o) => String(b.readUInt8(o)),
  0x05: (b, o) => String(b.readInt16LE(o)),
  0x06: (b, o) => String(b.readUInt16LE(o)),
  0x07: (b, o) => String(b.readInt32LE(o)),
  0x08: (b, o) => String(b.readUInt32LE(o)),
  0x09: (b, o) => String(b.readBigInt64LE(o)),
  0x0a: (b, o) => String(b.readBigUInt64LE(o)),
  0x0b: (b, o) => String(b.readFloatLE(o)),
  0x0c: (b, o) => String(b.readDoubleLE(o)),
  0x0d: (b, o) => (b.readUInt32LE(o) !== 0 ? 'True' : 'False'),
  0x0e: (b, o, s) => b.toString('base64', o, o + s),
  0x0f: readGuid,
  0x10: (b, o, s) => String(s === 4 ? b.readUInt32LE(o) : b.readBigUInt64LE(o)),
  0x11: (b, o) => formatFiletime(b.readBigUInt64LE(o)),
  0x12: (b, o) => formatSystemtime(Array.from({ length: 8 }, (_, i) => b.readUInt16LE(o + 2 * i))),
  0x13: readSid,
  0x14: (b, o) => `0x${b.readUInt32LE(o).toString(16).padStart(8, '0')}`,
  0x15: (b, o) => `0x${b.readBigUInt64LE(o).toString(16).padStart(16, '0')}`,
};

function stripNuls(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0) end--;
  return end === text.length ? text : text.slice(0, end);
}

function readGuid(buf: Buffer, offset: number): string {
  const hex = (from: number, to: number, reverse: boolean): string => {
    const bytes = Array.from(buf.subarray(offset + from, offset + to));
    if (reverse) bytes.reverse();
    return bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  };
  return `{${hex(0, 4, true)}-${hex(4, 6, true)}-${hex(6, 8, true)}-${hex(8, 10, false)}-${hex(10, 16, false)}}`;
}

/** S-revision-authority-subauthorities: the authority is 48-bit big-endian, the rest 32-bit little-endian. */
function readSid(buf: Buffer, offset: number): string {
  const revision = buf.readUInt8(offset);
  const count = buf.readUInt8(offset + 1);
  const authority = buf.readUIntBE(offset + 2, 6);
  let sid = `S-${revision}-${authority}`;
  for (let i = 0; i < count; i++) sid += `-${buf.readUInt32LE(offset + 8 + 4 * i)}`;
  return sid;
}
