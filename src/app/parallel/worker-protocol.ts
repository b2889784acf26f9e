import type { ParserOptions } from '../../parsers/index.ts';
import type { ByteRange } from './plan-ranges.ts';
import type { SecurityEvent } from '../../core/index.ts';
import type { LightColumns } from './light-columns.ts';

/** What every parse worker of one file is started with. */
export interface ParseWorkerData {
  path: string;
  format: string;
  parserOptions: ParserOptions;
  /** PLAIN_READ_BYTES, passed on so that a worker loads no source module. */
  readBytes: number;
  /** Keep only these fields of each event, sent as columns (see LightColumnWriter). */
  fields?: string[] | undefined;
}

/** Main thread → worker: parse the lines that begin in this range; `seq` orders the answers. */
export interface RangeTask extends ByteRange {
  seq: number;
}

/** Worker → main thread: one range parsed. */
export interface RangeAnswer {
  seq: number;
  lines: number;
  /** Whole events, when the worker keeps every field (no `fields`). */
  events?: SecurityEvent[];
  /** Light events, when it keeps only `fields`. */
  light?: LightColumns;
  /** Epoch milliseconds of each event (NaN for an invalid time), index for index. */
  times: Float64Array;
  skipped: Record<string, number>;
  /**
   * Pairs (read, events): the events come in groups, one per read of the single-thread reader
   * (`readBytes` each) that the lines' newlines fall in, so batches can follow those reads.
   */
  reads: number[];
}
