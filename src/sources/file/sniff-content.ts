/** How many leading bytes decide whether a log is text: a NUL among them means it is not. */
export const SNIFF_BYTES = 1024;

export type ContentKind =
  | { kind: 'text' }
  | { kind: 'gzip' }
  /** Text with a UTF-16 byte order mark, as Windows tools write it (PowerShell 5, Event Viewer, SQL Server). */
  | { kind: 'utf-16'; encoding: 'utf-16le' | 'utf-16be' }
  /** Not readable as lines: `why` completes "<file> is ...", e.g. "compressed with xz". */
  | { kind: 'unreadable'; why: string; remedy: string };

interface Magic {
  bytes: number[];
  name: string;
  tool: string;
}

/** Compression formats logrotate and friends use; only gzip is read (node:zlib, no extra dependency). */
const COMPRESSIONS: Magic[] = [
  { bytes: [0x42, 0x5a, 0x68], name: 'bzip2', tool: 'bunzip2 -k' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'xz', tool: 'unxz -k' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], name: 'zstd', tool: 'unzstd' },
  { bytes: [0x04, 0x22, 0x4d, 0x18], name: 'lz4', tool: 'unlz4' },
  { bytes: [0x1f, 0x9d], name: 'compress (.Z)', tool: 'uncompress' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'zip', tool: 'unzip' },
];
const GZIP = [0x1f, 0x8b];
const EVTX = [...Buffer.from('ElfFile\0', 'latin1')];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** What a file's first bytes (up to SNIFF_BYTES) say it holds, by magic numbers, never by its name. */
export function sniffContent(head: Buffer): ContentKind {
  if (startsWith(head, GZIP)) return { kind: 'gzip' };
  for (const magic of COMPRESSIONS) {
    if (startsWith(head, magic.bytes))
      return {
        kind: 'unreadable',
        why: `compressed with ${magic.name}, which Klaxon does not read`,
        remedy: `decompress it first (${magic.tool} FILE)`,
      };
  }
  if (startsWith(head, EVTX))
    return {
      kind: 'unreadable',
      why: 'a Windows event log (.evtx), which is binary',
      remedy: 'export it as JSON lines (Winlogbeat NDJSON) first',
    };
  if (startsWith(head, UTF16LE_BOM)) return { kind: 'utf-16', encoding: 'utf-16le' };
  if (startsWith(head, UTF16BE_BOM)) return { kind: 'utf-16', encoding: 'utf-16be' };
  const nul = head.subarray(0, SNIFF_BYTES).indexOf(0);
  if (nul !== -1)
    return {
      kind: 'unreadable',
      why: `a binary file, not text lines (a NUL byte at offset ${nul})`,
      remedy: 'give Klaxon the log as text',
    };
  return { kind: 'text' };
}

/** Whether the bytes start like a compressed file (gzip or one Klaxon does not read). */
export function startsCompressed(head: Buffer): boolean {
  return startsWith(head, GZIP) || COMPRESSIONS.some((magic) => startsWith(head, magic.bytes));
}

function startsWith(head: Buffer, bytes: readonly number[]): boolean {
  return head.length >= bytes.length && bytes.every((byte, i) => head[i] === byte);
}
