import { describe, expect, it } from 'vitest';
import { TcpFrameDecoder } from './tcp-framing.ts';
import { RFC3164_ACCEPTED, RFC3164_FAILED, RFC5424_FAILED } from './testdata/sshd-lines.ts';

function octets(message: string): string {
  return `${Buffer.byteLength(message)} ${message}`;
}

/** Feeds `stream` in pieces of `size` bytes and collects everything decoded, ending included. */
function decode(stream: string | Buffer, size = Infinity, max = 65_536) {
  const bytes = typeof stream === 'string' ? Buffer.from(stream) : stream;
  const decoder = new TcpFrameDecoder(max);
  const messages: string[] = [];
  let cut = 0;
  const errors: string[] = [];
  const step = Math.min(size, bytes.length) || 1;
  for (let at = 0; at < bytes.length && errors.length === 0; at += step) {
    const frames = decoder.push(bytes.subarray(at, at + step));
    messages.push(...frames.messages);
    cut += frames.cut;
    if (frames.error) errors.push(frames.error);
  }
  if (errors.length === 0) {
    const last = decoder.end();
    messages.push(...last.messages);
    cut += last.cut;
    if (last.error) errors.push(last.error);
  }
  return { messages, cut, errors };
}

describe('TcpFrameDecoder', () => {
  it('reads octet-counted frames (RFC 6587 3.4.1)', () => {
    const stream = [RFC3164_FAILED, RFC5424_FAILED, RFC3164_ACCEPTED].map(octets).join('');
    expect(decode(stream).messages).toEqual([RFC3164_FAILED, RFC5424_FAILED, RFC3164_ACCEPTED]);
  });

  it('reads LF, CRLF and NUL terminated messages (RFC 6587 3.4.2)', () => {
    const stream = `${RFC3164_FAILED}\n${RFC5424_FAILED}\r\n${RFC3164_ACCEPTED}\0`;
    expect(decode(stream)).toEqual({
      messages: [RFC3164_FAILED, RFC5424_FAILED, RFC3164_ACCEPTED],
      cut: 0,
      errors: [],
    });
  });

  it('decides the framing per message and skips stray line ends between frames', () => {
    const stream = `${octets(RFC3164_FAILED)}\n${RFC5424_FAILED}\n\n${octets(`${RFC3164_ACCEPTED}\n`)}`;
    expect(decode(stream).messages).toEqual([RFC3164_FAILED, RFC5424_FAILED, RFC3164_ACCEPTED]);
  });

  it('gives the same messages however the stream is split', () => {
    const stream = Buffer.from(
      `${octets(RFC3164_FAILED)}${RFC5424_FAILED}\r\n${octets('<38>Jürgen ✓ 😀')}Jürgen ✓\n`,
    );
    const whole = decode(stream).messages;
    expect(whole).toEqual([RFC3164_FAILED, RFC5424_FAILED, '<38>Jürgen ✓ 😀', 'Jürgen ✓']);
    for (const size of [1, 2, 3, 7, 64]) expect(decode(stream, size).messages).toEqual(whole);
  });

  it('reads a line that starts with digits but no space as a line', () => {
    expect(decode('2025-03-30T16:01:36Z web1 sshd[1]: x\n12\n').messages).toEqual([
      '2025-03-30T16:01:36Z web1 sshd[1]: x',
      '12',
    ]);
  });

  it('takes an unterminated last line when the connection ends', () => {
    expect(decode(`${RFC3164_FAILED}\n${RFC5424_FAILED}`).messages).toEqual([RFC3164_FAILED, RFC5424_FAILED]);
  });

  it('cuts an oversized octet-counted frame and skips the rest of it', () => {
    const long = `<38>${'x'.repeat(1000)}`;
    for (const size of [Infinity, 100]) {
      const result = decode(`${octets(long)}${octets(RFC3164_FAILED)}`, size, 300);
      expect(result.messages).toEqual([long.slice(0, 300), RFC3164_FAILED]);
      expect(result.cut).toBe(1);
    }
  });

  it('cuts an oversized line and skips to its end', () => {
    const long = `<38>${'y'.repeat(1000)}`;
    for (const size of [Infinity, 100]) {
      const result = decode(`${long}\n${RFC3164_FAILED}\n`, size, 300);
      expect(result.messages).toEqual([long.slice(0, 300), RFC3164_FAILED]);
      expect(result.cut).toBe(1);
    }
  });

  it('keeps a line of exactly the limit whole', () => {
    const exact = 'z'.repeat(300);
    expect(decode(`${exact}\n${exact}`, 64, 300)).toEqual({ messages: [exact, exact], cut: 0, errors: [] });
  });

  it('reports an octet count of ten digits as garbage', () => {
    expect(decode('1234567890 <38>x').errors).toEqual(['octet count longer than 9 digits']);
  });

  it('reports a connection that ends inside an octet-counted frame', () => {
    expect(decode('100 <38>short').errors).toEqual([
      'connection closed inside an octet-counted frame (9 of 100 bytes)',
    ]);
  });

  it('replaces invalid UTF-8', () => {
    const stream = Buffer.concat([Buffer.from('<38>user '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    expect(decode(stream).messages).toEqual(['<38>user \uFFFD(']);
  });
});
