import { parseIsoMillis } from '../../core/index.ts';
import { readEcsObject } from '../ndjson/index.ts';
import type { EmitEvent } from '../parser.ts';
import { enrichWindowsEvent } from '../windows/index.ts';
import { decodeChunk } from './decode-chunk.ts';

/** What reading one chunk gave: records seen, and the highest record id read (for a checkpoint). */
export interface ChunkTally {
  records: number;
  lastRecordId: bigint | undefined;
}

/**
 * Turns the records of one chunk into events exactly as the `windows` parser turns Winlogbeat's
 * documents into events (ECS completion, then the Windows Security mapping). Records after
 * `afterRecordId` only, when given. Each record that cannot be used is reported to `skip`.
 */
export function readChunkEvents(
  chunk: Buffer,
  emit: EmitEvent,
  skip: (reason: string) => void,
  afterRecordId?: bigint,
): ChunkTally {
  const tally: ChunkTally = { records: 0, lastRecordId: undefined };
  for (const record of decodeChunk(chunk)) {
    tally.records++;
    if (record.kind === 'skip') {
      skip(record.reason);
      continue;
    }
    if (tally.lastRecordId === undefined || record.recordId > tally.lastRecordId)
      tally.lastRecordId = record.recordId;
    if (afterRecordId !== undefined && record.recordId <= afterRecordId) continue;
    const event = readEcsObject(record.document);
    if (typeof event === 'string') {
      skip(event);
      continue;
    }
    enrichWindowsEvent(event);
    emit(event, parseIsoMillis(event['@timestamp']));
  }
  return tally;
}
