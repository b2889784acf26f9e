import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetUrl } from '../../../test/support/datasets.ts';
import { CHUNK_SIZE, FILE_HEADER_SIZE, decodeChunk, decodeEvtxBuffer } from './index.ts';
import type { EvtxRecord } from './index.ts';

// 72 records over three chunks (EVTX-to-MITRE-Attack, CC0).
const SAMPLE = readFileSync(
  datasetUrl(
    'windows/evtx-to-mitre-attack/raw/ID33205-SQL_Server_failed_login_with_non_existing_accounts.evtx',
  ),
);

function tally(records: Iterable<EvtxRecord>): { documents: number; skipped: Record<string, number> } {
  let documents = 0;
  const skipped: Record<string, number> = {};
  for (const record of records) {
    if (record.kind === 'document') documents++;
    else skipped[record.reason] = (skipped[record.reason] ?? 0) + 1;
  }
  return { documents, skipped };
}

const chunkAt = (buf: Buffer, index: number) =>
  buf.subarray(FILE_HEADER_SIZE + index * CHUNK_SIZE, FILE_HEADER_SIZE + (index + 1) * CHUNK_SIZE);
const recordsIn = (buf: Buffer, index: number) =>
  tally(decodeChunk(Buffer.from(chunkAt(buf, index)))).documents;

/** Recomputes a chunk's two CRC32s, so that damage inside records gets past the checksums. */
function resealChunk(chunk: Buffer): void {
  const freeSpace = chunk.readUInt32LE(48);
  chunk.writeUInt32LE(crc32(chunk.subarray(512, freeSpace)), 52);
  chunk.writeUInt32LE(crc32(chunk.subarray(128, 512), crc32(chunk.subarray(0, 120))), 124);
}

describe('damaged .evtx files', () => {
  const first = recordsIn(SAMPLE, 0);
  const second = recordsIn(SAMPLE, 1);
  const third = recordsIn(SAMPLE, 2);

  it('spreads the sample over three chunks', () => {
    expect([first, second, third].every((n) => n > 0)).toBe(true);
    expect(recordsIn(SAMPLE, 3)).toBe(0);
    expect(tally(decodeEvtxBuffer(SAMPLE))).toEqual({ documents: 72, skipped: {} });
    expect(first + second + third).toBe(72);
  });

  it('counts a chunk whose records fail their CRC32 and reads the next chunk', () => {
    const damaged = Buffer.from(SAMPLE);
    const data = chunkAt(damaged, 0);
    data[600] = (data[600] as number) ^ 0xff;
    expect(tally(decodeEvtxBuffer(damaged))).toEqual({
      documents: second + third,
      skipped: { 'corrupt-chunk': 1 },
    });
  });

  it('counts a chunk whose header fails its CRC32 or signature', () => {
    const badHeader = Buffer.from(SAMPLE);
    chunkAt(badHeader, 1).writeUInt32LE(12345, 44);
    expect(tally(decodeEvtxBuffer(badHeader))).toEqual({
      documents: first + third,
      skipped: { 'corrupt-chunk': 1 },
    });
    const badMagic = Buffer.from(SAMPLE);
    chunkAt(badMagic, 0).write('ElfJunk', 0, 'latin1');
    expect(tally(decodeEvtxBuffer(badMagic))).toEqual({
      documents: second + third,
      skipped: { 'corrupt-chunk': 1 },
    });
  });

  it('passes over chunks that end before a given record id, unread', () => {
    const damaged = Buffer.from(SAMPLE);
    const data = chunkAt(damaged, 0);
    data[600] = (data[600] as number) ^ 0xff;
    // Record ids run 1..72 in this file: the first chunk ends at `first` and is not even checked.
    expect(tally(decodeEvtxBuffer(damaged, BigInt(first)))).toEqual({
      documents: second + third,
      skipped: {},
    });
    expect(tally(decodeEvtxBuffer(SAMPLE, BigInt(first + 1))).documents).toBe(second + third);
  });

  it('ends cleanly at a truncated chunk', () => {
    const truncated = SAMPLE.subarray(0, FILE_HEADER_SIZE + CHUNK_SIZE + 1000);
    // The second chunk is cut short: only the first is read.
    expect(tally(decodeEvtxBuffer(truncated))).toEqual({ documents: first, skipped: {} });
  });

  it('rejects bytes that are no .evtx file', () => {
    expect(() => [...decodeEvtxBuffer(Buffer.from('{"not": "evtx"}\n'))]).toThrow(/ElfFile/);
  });

  it('never throws on damaged records (checksums made to match), and counts what it cannot read', () => {
    const original = chunkAt(SAMPLE, 0);
    const freeSpace = original.readUInt32LE(48);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 512, max: freeSpace - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (edits) => {
          const chunk = Buffer.from(original);
          for (const [at, byte] of edits) chunk[at] = byte;
          resealChunk(chunk);
          const { documents, skipped } = tally(decodeChunk(chunk));
          expect(documents + (skipped['corrupt-record'] ?? 0)).toBeLessThanOrEqual(first + 8);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});
