import type { SecurityEvent } from '../core/index.ts';
import type { LineStore } from './slim-event.ts';

/**
 * The parser plug-in contract. A parser turns one line (a syslog line, an NDJSON document)
 * into zero or more SecurityEvents. It never throws on bad input: it returns a short,
 * stable skip reason (`invalid-json`, `unrecognized-sshd-message`, ...) that the caller counts.
 */
export interface LineParser {
  /**
   * Parses one line. Calls `emit` once per event the line stands for (sshd's
   * `message repeated 5 times: [...]` emits five). Returns null when the line was
   * used, or the reason it was skipped.
   */
  parseLine(line: string, emit: EmitEvent): string | null;
  /**
   * parseLine for a line that is `bytes` long at `start` of the LineStore the parser was made with
   * (see createSelective): its events may keep where the line is rather than its text. `buffer`
   * (from `begin`), where given, holds the line's bytes as read.
   */
  parseLineAt?(
    line: string,
    start: number,
    bytes: number,
    emit: EmitEvent,
    buffer?: Uint8Array,
    begin?: number,
  ): string | null;
  /**
   * parseLine for a caller that reads only the selected fields of each event at once and then drops
   * it (a worker writing columns): the events may hold more fields than selected, so a selective
   * parser need not copy out the selected ones. Lines are counted and skipped as parseLine does.
   * `bytes` (from `begin`, `length` long), where given, are the line's UTF-8 bytes as read.
   */
  parseLineUnkept?(
    line: string,
    emit: EmitEvent,
    bytes?: Uint8Array,
    begin?: number,
    length?: number,
  ): string | null;
  /**
   * parseLine given the line's UTF-8 bytes as read (`length` of them from `begin` of `bytes`): a
   * parser that can reads the line there (see ByteMatcher). The events are as parseLine makes them.
   */
  parseLineBytes?(
    line: string,
    emit: EmitEvent,
    bytes: Uint8Array,
    begin: number,
    length: number,
  ): string | null;
  /**
   * For a format whose records span lines with nothing to end them (the next record's first line
   * does): emits the record still open when the input ends. Readers of a whole input call it once,
   * after its last line; a live tail, which has no end, does not (the record waits for the next).
   */
  finish?(emit: EmitEvent): void;
  /** Things the user should know after a run, e.g. how the year of syslog lines was chosen. */
  notes(): string[];
}

/**
 * Receives a parsed event and its `@timestamp` as epoch milliseconds, which the parser knows
 * anyway: it spares the engine parsing the ISO string back.
 */
export type EmitEvent = (event: SecurityEvent, ts: number) => void;

export interface ParserOptions {
  /** Year of syslog timestamps that carry none (RFC 3164). */
  year?: number;
  /** When no year is given: the time the input was last written (file mtime), to infer it from. */
  referenceTime?: number;
  /** Name of the input (file path), for notes. */
  inputName?: string;
  /**
   * The zone of times the log writes without one (an IANA name, `local` or an offset; see
   * core/time-zone.ts); default UTC. Times that carry a zone or an offset are read as written.
   */
  timeZone?: string;
}

export interface ParserDefinition {
  /** Lowercase id used by `--format` and in config: `sshd`, `windows`, `ndjson`. */
  format: string;
  description: string;
  /** How well the first non-empty lines of an input fit this format, 0 (not at all) to 1 (surely). */
  sniff(sample: readonly string[]): number;
  create(options: ParserOptions): LineParser;
  /**
   * A parser whose events hold only `fields` (dotted paths: what the loaded rules read) and
   * `@timestamp`; each is parsed whole again from its line when it becomes evidence (see
   * materializeEvent). Lines are counted and skipped exactly as `create`'s parser does.
   */
  createSelective?(options: ParserOptions, fields: readonly string[], lines?: LineStore): LineParser;
}
