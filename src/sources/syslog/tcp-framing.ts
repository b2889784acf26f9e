import { decodeMessage } from './decode-message.ts';

const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
const SPACE = 0x20;
const ZERO = 0x30;
const ONE = 0x31;
const NINE = 0x39;
/** An octet count of ten digits or more (a gigabyte) is not a syslog frame. */
const MAX_LENGTH_DIGITS = 9;

/** What one chunk of a TCP stream held; `error` means the stream is garbage and must be closed. */
export interface DecodedFrames {
  messages: string[];
  /** Messages cut to the byte limit. */
  cut: number;
  error?: string;
}

type Mode = 'start' | 'length' | 'octets' | 'skip-octets' | 'line' | 'skip-line';

/**
 * Splits a syslog TCP stream into messages (RFC 6587), deciding per message: a digit run and a
 * space start an octet-counted frame (`<len> <msg>`); anything else is a line ended by LF (CRLF
 * and NUL too). Stray line ends between messages are skipped. Messages longer than the limit are
 * cut and the rest of them skipped; bytes are held only up to the limit.
 */
export class TcpFrameDecoder {
  private mode: Mode = 'start';
  private parts: Buffer[] = [];
  private size = 0;
  private length = 0;
  private digits = 0;
  /** octets: bytes still to copy; skip-octets: bytes still to skip. */
  private remaining = 0;
  private skipAfter = 0;
  /** Index of the next NUL in the current chunk (-1: none left), so each chunk is searched once. */
  private nulAt = -1;
  private out: DecodedFrames = { messages: [], cut: 0 };

  constructor(private readonly maxMessageBytes: number) {}

  push(chunk: Buffer): DecodedFrames {
    this.out = { messages: [], cut: 0 };
    this.nulAt = chunk.indexOf(NUL);
    let at = 0;
    while (at < chunk.length && this.out.error === undefined) at = this.read(chunk, at);
    return this.out;
  }

  /** The connection ended: an unterminated line is a message, a partial octet frame an error. */
  end(): DecodedFrames {
    this.out = { messages: [], cut: 0 };
    if (this.mode === 'length') this.append(Buffer.from(String(this.length)));
    if ((this.mode === 'line' || this.mode === 'length') && this.size > 0) this.emit(false);
    if (this.mode === 'octets') {
      const expected = this.size + this.remaining;
      this.out.error = `connection closed inside an octet-counted frame (${this.size} of ${expected} bytes)`;
    }
    this.mode = 'start';
    return this.out;
  }

  private read(chunk: Buffer, at: number): number {
    switch (this.mode) {
      case 'start':
        return this.readStart(chunk, at);
      case 'length':
        return this.readLength(chunk, at);
      case 'octets':
        return this.readOctets(chunk, at);
      case 'skip-octets':
        return this.skipOctets(chunk, at);
      case 'line':
        return this.readLine(chunk, at);
      case 'skip-line':
        return this.skipLine(chunk, at);
    }
  }

  private readStart(chunk: Buffer, at: number): number {
    const byte = chunk[at] ?? 0;
    if (byte === LF || byte === CR || byte === NUL) return at + 1;
    this.mode = byte >= ONE && byte <= NINE ? 'length' : 'line';
    this.length = 0;
    this.digits = 0;
    return at;
  }

  private readLength(chunk: Buffer, at: number): number {
    for (; at < chunk.length; at += 1) {
      const byte = chunk[at] ?? 0;
      if (byte === SPACE) return this.startOctets(at + 1);
      if (byte < ZERO || byte > NINE) {
        // Digits without a space: an ordinary line that happens to start with a number.
        this.append(Buffer.from(String(this.length)));
        this.mode = 'line';
        return at;
      }
      if (this.digits === MAX_LENGTH_DIGITS) {
        this.out.error = `octet count longer than ${MAX_LENGTH_DIGITS} digits`;
        return chunk.length;
      }
      this.length = this.length * 10 + (byte - ZERO);
      this.digits += 1;
    }
    return at;
  }

  private startOctets(at: number): number {
    this.mode = 'octets';
    this.remaining = Math.min(this.length, this.maxMessageBytes);
    this.skipAfter = this.length - this.remaining;
    return at;
  }

  private readOctets(chunk: Buffer, at: number): number {
    const count = Math.min(this.remaining, chunk.length - at);
    this.append(chunk.subarray(at, at + count));
    this.remaining -= count;
    if (this.remaining === 0) {
      this.emit(this.skipAfter > 0);
      this.mode = this.skipAfter > 0 ? 'skip-octets' : 'start';
      this.remaining = this.skipAfter;
    }
    return at + count;
  }

  private skipOctets(chunk: Buffer, at: number): number {
    const count = Math.min(this.remaining, chunk.length - at);
    this.remaining -= count;
    if (this.remaining === 0) this.mode = 'start';
    return at + count;
  }

  private readLine(chunk: Buffer, at: number): number {
    const terminator = this.findTerminator(chunk, at);
    const end = terminator === -1 ? chunk.length : terminator;
    const room = this.maxMessageBytes - this.size;
    if (end - at > room) {
      this.append(chunk.subarray(at, at + room));
      this.emit(true);
      this.mode = terminator === -1 ? 'skip-line' : 'start';
      return terminator === -1 ? chunk.length : terminator + 1;
    }
    this.append(chunk.subarray(at, end));
    if (terminator === -1) return chunk.length;
    this.emit(false);
    this.mode = 'start';
    return terminator + 1;
  }

  private skipLine(chunk: Buffer, at: number): number {
    const terminator = this.findTerminator(chunk, at);
    if (terminator === -1) return chunk.length;
    this.mode = 'start';
    return terminator + 1;
  }

  private findTerminator(chunk: Buffer, at: number): number {
    if (this.nulAt !== -1 && this.nulAt < at) this.nulAt = chunk.indexOf(NUL, at);
    const lf = chunk.indexOf(LF, at);
    if (lf === -1) return this.nulAt;
    return this.nulAt === -1 ? lf : Math.min(lf, this.nulAt);
  }

  private append(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.parts.push(bytes);
    this.size += bytes.length;
  }

  private emit(cut: boolean): void {
    const bytes = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    if (cut) this.out.cut += 1;
    const text = decodeMessage(bytes, cut);
    if (text !== '') this.out.messages.push(text);
  }
}
