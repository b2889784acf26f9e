import { checkChunk, chunkRecords } from './chunk.ts';
import { createChunkContext } from './chunk-context.ts';
import { MAX_RECORD_NODES } from './binxml-tokens.ts';
import { readNodes } from './read-binxml.ts';
import { renderDocument } from './render-document.ts';

/** A record as a Winlogbeat-shaped document, or why it could not be read. */
export type EvtxRecord =
  | { kind: 'document'; recordId: bigint; document: Record<string, unknown> }
  | { kind: 'skip'; reason: EvtxSkipReason };

/** `corrupt-chunk`: bad signature or CRC32, its records are not read; `corrupt-record`: undecodable binary XML. */
export type EvtxSkipReason = 'corrupt-chunk' | 'corrupt-record';

/**
 * Decodes the records of one 64 KiB chunk. A chunk whose signature or checksums are wrong gives
 * one `corrupt-chunk` skip and no records; a record whose binary XML cannot be decoded gives a
 * `corrupt-record` skip and the next record is read. A never-written (all-zero) chunk gives nothing.
 */
export function* decodeChunk(chunk: Buffer): Generator<EvtxRecord> {
  const check = checkChunk(chunk);
  if (check === 'empty') return;
  if (check === 'corrupt-chunk') {
    yield { kind: 'skip', reason: 'corrupt-chunk' };
    return;
  }
  const context = createChunkContext(chunk);
  for (const span of chunkRecords(chunk)) {
    const document = decodeRecord(context, span.start, span.end, span.recordId);
    yield document === undefined
      ? { kind: 'skip', reason: 'corrupt-record' }
      : { kind: 'document', recordId: span.recordId, document };
  }
}

function decodeRecord(
  context: ReturnType<typeof createChunkContext>,
  start: number,
  end: number,
  recordId: bigint,
): Record<string, unknown> | undefined {
  try {
    const cursor = { context, pos: start, depth: 0, budget: { nodes: MAX_RECORD_NODES } };
    const nodes = readNodes(cursor, end);
    return renderDocument(nodes, recordId);
  } catch (error) {
    // Out-of-range reads (RangeError) and unknown tokens (BinXmlError) mean a damaged record.
    if (error instanceof RangeError || (error as Error).name === 'BinXmlError') return undefined;
    throw error;
  }
}
