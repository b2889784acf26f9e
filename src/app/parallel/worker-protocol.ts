import type { ParserOptions } from '../../parsers/index.ts';
import type { ByteRange } from './plan-ranges.ts';
import type { EncodedEvents } from './transfer-codec.ts';

/** What every parse worker of one file is started with. */
export interface ParseWorkerData {
  path: string;
  format: string;
  parserOptions: ParserOptions;
}

/** Main thread → worker: parse the lines that begin in this range; `seq` orders the answers. */
export interface RangeTask extends ByteRange {
  seq: number;
}

/** Worker → main thread: one range parsed. */
export interface RangeAnswer {
  seq: number;
  lines: number;
  events: EncodedEvents;
  /** Epoch milliseconds of each event (NaN for an invalid time), index for index. */
  times: Float64Array;
  skipped: Record<string, number>;
}
