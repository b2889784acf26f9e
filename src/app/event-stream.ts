import { stat } from 'node:fs/promises';
import { InputError } from '../core/index.ts';
import type { SecurityEvent } from '../core/index.ts';
import type { LineParser, ParserDefinition } from '../parsers/index.ts';
import { chooseParser, findParser, ndjsonParser, sniffBinaryFormat } from '../parsers/index.ts';
import { inspectLogFile, readFirstLines } from '../sources/index.ts';
import { openEvtxStream, readFileHead } from './evtx-stream.ts';
import type { ThreadsOption } from './parallel/choose-threads.ts';
import { chooseThreads } from './parallel/choose-threads.ts';
import { parallelBatches } from './parallel/parallel-batches.ts';
import { parseBatches } from './parse-batches.ts';
import { LineReader } from './parallel/read-range-lines.ts';
import type { ParallelRead } from './parallel/parallel-batches.ts';
import { skipEvents } from './sort-by-time.ts';

export interface ReadCounts {
  lines: number;
  events: number;
  /** Lines not turned into events, by reason (`invalid-json`, `not-sshd`, ...). */
  skipped: Record<string, number>;
}

/** One input file, parsed: its events in batches and what reading it counted. */
export interface EventStream {
  path: string;
  format: string;
  counts: ReadCounts;
  parser: LineParser;
  batches: AsyncGenerator<EventBatch>;
  /** Threads reading and parsing the file, the main thread among them; 1 when it alone does. */
  threads: number;
}

/** Parsed events with their `@timestamp` as epoch milliseconds, index for index. */
export interface EventBatch {
  events: SecurityEvent[];
  times: number[];
  /** Which input the events came from (the position in the list of inputs). */
  source: number;
}

export interface OpenOptions {
  /** Parser to use instead of sniffing the file. */
  format?: string;
  /** Year of syslog timestamps without one. */
  year?: number | undefined;
  /** The zone of times written without one (see core/time-zone.ts); default UTC. */
  timeZone?: string | undefined;
  /** Position of this input in the list of inputs, carried by its batches. */
  source?: number;
  /** Events to pass over at the start: those a run that was interrupted had already processed. */
  skipEvents?: number;
  /**
   * The only fields the events need (what the rules read): a parser that can builds slim events
   * (see ParserDefinition.createSelective). Undefined: whole events.
   */
  fields?: readonly string[] | undefined;
  /** Threads to read and parse with, the main thread among them (see chooseThreads); default `auto`. */
  threads?: ThreadsOption | undefined;
  /** Bytes of the file each worker task reads (default RANGE_BYTES). */
  rangeBytes?: number | undefined;
  /** With worker threads: whether the main thread parses ranges rather than wait (default true). */
  mainThreadParses?: boolean | undefined;
  /**
   * With worker threads: keep only these fields of each event (light events, see
   * LightColumnWriter); the evidence of detections must then go through withWholeSamples.
   */
  lightFields?: string[] | undefined;
  /** Lines parsed at a time on the main thread (default PARSE_BATCH_LINES); results do not depend on it. */
  batchLines?: number | undefined;
}

/** Lines read to detect a file's format: chooseParser looks at 50 of them, past comment lines. */
const SNIFF_LINES = 200;

/**
 * Opens a file as a stream of events (gzip read gunzipped); an unreadable file, content that is not
 * text lines (other compression, binary) or an unknown format is an InputError.
 */
export async function openEventStream(path: string, options: OpenOptions = {}): Promise<EventStream> {
  const mtime = await fileMtime(path);
  if (await isEvtx(path, options.format))
    return openEvtxStream(path, options.source ?? 0, options.skipEvents ?? 0);
  const encoding = await inspectLogFile(path);
  const definition = options.format ? namedParser(options.format) : await sniffParser(path);
  const parserOptions: Parameters<ParserDefinition['create']>[0] = { referenceTime: mtime, inputName: path };
  if (options.year !== undefined) parserOptions.year = options.year;
  if (options.timeZone !== undefined) parserOptions.timeZone = options.timeZone;
  const counts: ReadCounts = { lines: 0, events: 0, skipped: {} };
  const source = options.source ?? 0;
  const format = definition.format;
  const size = (await stat(path)).size;
  const threads = chooseThreads(options.threads, {
    size,
    encoding,
    format,
    light: options.lightFields !== undefined,
    lightFields: options.lightFields?.length,
  });
  // One thread reading a plain file: slim events keep where their line is, not its text (evidence
  // is read back from the file), so that what the engine holds on to stays small.
  const lines = threads === 1 && encoding === 'plain' ? new LineReader(path) : undefined;
  const parser =
    options.fields !== undefined && definition.createSelective
      ? definition.createSelective(parserOptions, options.fields, lines)
      : definition.create(parserOptions);
  const batches =
    threads > 1
      ? skipEvents(
          parallelBatches(
            { ...parallelOptions(options), path, format, parserOptions, size, threads, source },
            counts,
          ),
          options.skipEvents ?? 0,
        )
      : parseBatches({
          path,
          parser,
          counts,
          source,
          skipEvents: options.skipEvents ?? 0,
          lines,
          batchLines: options.batchLines,
        });
  return { path, format, counts, parser, batches, threads };
}

function parallelOptions(
  options: OpenOptions,
): Pick<ParallelRead, 'rangeBytes' | 'fields' | 'mainThreadParses'> {
  return {
    rangeBytes: options.rangeBytes,
    fields: options.lightFields,
    mainThreadParses: options.mainThreadParses,
  };
}

async function fileMtime(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError(`${path}: not a file`);
    return info.mtimeMs;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new InputError(`${path}: cannot read the file (${why})`, { cause: error });
  }
}

/** Binary inputs are recognised by their signature, before any line is read. */
async function isEvtx(path: string, format: string | undefined): Promise<boolean> {
  if (format !== undefined) return format.trim().toLowerCase() === 'evtx';
  return sniffBinaryFormat(await readFileHead(path))?.format === 'evtx';
}

function namedParser(format: string): ParserDefinition {
  const definition = findParser(format);
  if (!definition) throw new InputError(`unknown format "${format}"`);
  return definition;
}

async function sniffParser(path: string): Promise<ParserDefinition> {
  let sample: string[];
  try {
    sample = await readFirstLines(path, SNIFF_LINES);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: cannot read the file (${(error as Error).message})`, { cause: error });
  }
  // An empty file has nothing to detect and nothing to parse: any parser reads it as no lines.
  if (sample.length === 0) return ndjsonParser;
  const choice = chooseParser(sample);
  if (choice.kind === 'none') throw new InputError(`${path}: ${choice.message} with --format`);
  return choice.parser;
}
