import { describe, expect, it } from 'vitest';
import { sniffContent } from './sniff-content.ts';

const bytes = (...values: number[]) => Buffer.from([...values, 0x41, 0x42, 0x43]);

describe('sniffContent', () => {
  it.each([
    ['gzip', bytes(0x1f, 0x8b, 0x08), 'gzip'],
    ['text', Buffer.from('Mar 27 13:06:56 host sshd[1]: hello\n'), 'text'],
    ['empty', Buffer.alloc(0), 'text'],
  ])('reads %s', (_name, head, kind) => {
    expect(sniffContent(head).kind).toBe(kind);
  });

  it.each([
    ['bzip2', Buffer.from('BZh91AY&SY'), 'compressed with bzip2'],
    ['xz', bytes(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00), 'compressed with xz'],
    ['zstd', bytes(0x28, 0xb5, 0x2f, 0xfd), 'compressed with zstd'],
    ['lz4', bytes(0x04, 0x22, 0x4d, 0x18), 'compressed with lz4'],
    ['zip', bytes(0x50, 0x4b, 0x03, 0x04), 'compressed with zip'],
    ['evtx', Buffer.concat([Buffer.from('ElfFile\0'), Buffer.alloc(32)]), 'a Windows event log (.evtx)'],
    ['binary', Buffer.concat([Buffer.from('ELF header'), Buffer.alloc(8)]), 'a NUL byte at offset 10'],
  ])('names %s as unreadable', (_name, head, why) => {
    const content = sniffContent(head);
    expect(content.kind).toBe('unreadable');
    expect(content).toMatchObject({ why: expect.stringContaining(why) });
  });

  it('reads UTF-16 text by its byte order mark, little- or big-endian', () => {
    const little = Buffer.from('\ufeffhello', 'utf16le');
    expect(sniffContent(little)).toEqual({ kind: 'utf-16', encoding: 'utf-16le' });
    expect(sniffContent(Buffer.from(little).swap16())).toEqual({ kind: 'utf-16', encoding: 'utf-16be' });
    // Without its mark, UTF-16 is a run of NUL bytes: binary.
    expect(sniffContent(Buffer.from('hello', 'utf16le')).kind).toBe('unreadable');
  });

  it('looks for NUL bytes in the first KiB only', () => {
    const head = Buffer.concat([Buffer.alloc(1024, 0x61), Buffer.alloc(4)]);
    expect(sniffContent(head).kind).toBe('text');
  });
});
