import { crc32 } from 'node:zlib';

/** Where a record's binary XML starts in a chunk built here: after the chunk and record headers. */
const DATA_START = 512 + 24;

/**
 * Writes binary XML by hand, token by token, for tests of the decoder on what the public samples
 * do not hold (CDATA, references, processing instructions, every value type, hostile nesting).
 * Names are written inline; offsets are those of the chunk the record will sit in.
 */
export class BinXmlWriter {
  readonly bytes: number[] = [];
  get pos(): number {
    return DATA_START + this.bytes.length;
  }
  u8(...values: number[]): this {
    this.bytes.push(...values);
    return this;
  }
  u16(value: number): this {
    return this.u8(value & 0xff, (value >> 8) & 0xff);
  }
  u32(value: number): this {
    return this.u16(value & 0xffff).u16(Math.floor(value / 0x10000) & 0xffff);
  }
  raw(buf: Uint8Array): this {
    return this.u8(...buf);
  }
  utf16(text: string): this {
    return this.raw(Buffer.from(text, 'utf16le'));
  }
  /** A name whose offset is the next four bytes' end: inline. */
  name(text: string): this {
    this.u32(this.pos + 4);
    return this.u32(0).u16(0).u16(text.length).utf16(text).u16(0);
  }
  fragment(): this {
    return this.u8(0x0f, 1, 1, 0);
  }
  open(name: string, withAttributes = false): this {
    this.u8(withAttributes ? 0x41 : 0x01).u16(0xffff).u32(0).name(name);
    return withAttributes ? this.u32(0) : this;
  }
  attribute(name: string, more = false): this {
    return this.u8(more ? 0x46 : 0x06).name(name);
  }
  text(value: string): this {
    return this.u8(0x05, 0x01).u16(value.length).utf16(value);
  }
  closeStart(): this {
    return this.u8(0x02);
  }
  closeEmpty(): this {
    return this.u8(0x03);
  }
  end(): this {
    return this.u8(0x04);
  }
  eof(): this {
    return this.u8(0x00);
  }
  sub(index: number, type: number, optional = false): this {
    return this.u8(optional ? 0x0e : 0x0d).u16(index).u8(type);
  }
  /** A template instance with its definition inline, then its values ([type, bytes] each). */
  template(define: (writer: BinXmlWriter) => void, values: Array<[number, Uint8Array]>): this {
    this.u8(0x0c, 0x01).u32(1);
    this.u32(this.pos + 4);
    this.u32(0).raw(new Uint8Array(16));
    const sizeAt = this.bytes.length;
    this.u32(0);
    const start = this.bytes.length;
    define(this);
    const size = this.bytes.length - start;
    this.bytes.splice(sizeAt, 4, size & 0xff, (size >> 8) & 0xff, (size >> 16) & 0xff, size >>> 24);
    this.u32(values.length);
    for (const [type, data] of values) this.u16(data.length).u8(type, 0);
    for (const [, data] of values) this.raw(data);
    return this;
  }
}

/** A 64 KiB chunk holding one record (id 1) with this binary XML, its checksums right. */
export function buildChunk(binxml: readonly number[]): Buffer {
  const chunk = Buffer.alloc(65_536);
  chunk.write('ElfChnk\0', 0, 'latin1');
  chunk.writeBigUInt64LE(1n, 8);
  chunk.writeBigUInt64LE(1n, 16);
  chunk.writeBigUInt64LE(1n, 24);
  chunk.writeBigUInt64LE(1n, 32);
  chunk.writeUInt32LE(128, 40);
  chunk.writeUInt32LE(512, 44);
  const size = 24 + binxml.length + 4;
  chunk.writeUInt32LE(0x2a2a, 512);
  chunk.writeUInt32LE(size, 516);
  chunk.writeBigUInt64LE(1n, 520);
  Buffer.from(binxml).copy(chunk, DATA_START);
  chunk.writeUInt32LE(size, 512 + size - 4);
  chunk.writeUInt32LE(512 + size, 48);
  chunk.writeUInt32LE(crc32(chunk.subarray(512, 512 + size)), 52);
  chunk.writeUInt32LE(crc32(chunk.subarray(128, 512), crc32(chunk.subarray(0, 120))), 124);
  return chunk;
}
