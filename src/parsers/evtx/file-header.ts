import { crc32 } from 'node:zlib';

/** "ElfFile\0": the first eight bytes of every .evtx file. */
export const EVTX_FILE_MAGIC = Buffer.from('ElfFile\0', 'latin1');
/** The file header block; chunks follow it. */
export const FILE_HEADER_SIZE = 4096;

export interface EvtxFileHeader {
  /** Chunks the header says the file holds (a file may hold more, written after it). */
  chunkCount: number;
  nextRecordId: bigint;
  majorVersion: number;
  minorVersion: number;
  /** Whether the CRC32 of the first 120 bytes matches; a mismatch is noted, not fatal. */
  checksumOk: boolean;
}

/** Whether `head` (the first bytes of a file) starts like an .evtx file. */
export function looksLikeEvtx(head: Uint8Array): boolean {
  if (head.length < EVTX_FILE_MAGIC.length) return false;
  for (let i = 0; i < EVTX_FILE_MAGIC.length; i++) if (head[i] !== EVTX_FILE_MAGIC[i]) return false;
  return true;
}

/** Reads the file header, or says why the bytes are not one. */
export function readFileHeader(buf: Buffer): EvtxFileHeader | string {
  if (!looksLikeEvtx(buf)) return 'not an .evtx file (no "ElfFile" signature)';
  if (buf.length < 128) return 'the .evtx file header is truncated';
  return {
    chunkCount: buf.readUInt16LE(42),
    nextRecordId: buf.readBigUInt64LE(24),
    minorVersion: buf.readUInt16LE(36),
    majorVersion: buf.readUInt16LE(38),
    checksumOk: crc32(buf.subarray(0, 120)) === buf.readUInt32LE(124),
  };
}
