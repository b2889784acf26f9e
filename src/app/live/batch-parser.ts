import type { SecurityEvent } from '../../core/index.ts';
import { parseIsoMillis } from '../../core/index.ts';
import type { LineParser, ParserDefinition } from '../../parsers/index.ts';
import {
  adoptNxlogDocument,
  chooseParser,
  enrichWindowsEvent,
  findParser,
  ndjsonParser,
  readEcsObject,
} from '../../parsers/index.ts';
import type { SourceBatch } from '../../sources/index.ts';

export interface ParsedBatch {
  events: SecurityEvent[];
  times: number[];
  lines: number;
  /** Records not turned into events, by reason. */
  skipped: Record<string, number>;
}

/**
 * Turns one source's batches into events: one parser per input (a file, a syslog peer), given by
 * the source's `format` or sniffed from the input's first batch; documents (search hits) are read
 * as Winlogbeat/ECS documents. Garbled records are counted by reason and skipped, never fatal.
 */
export class BatchParser {
  private readonly parsers = new Map<string, LineParser>();

  constructor(
    private readonly format: string | undefined,
    private readonly now: () => number,
    /** The zone of times the source's logs write without one (see core/time-zone.ts). */
    private readonly timeZone?: string,
  ) {}

  parse(batch: SourceBatch): ParsedBatch {
    const parsed: ParsedBatch = { events: [], times: [], lines: 0, skipped: {} };
    const emit = (event: SecurityEvent, ts: number) => {
      parsed.events.push(event);
      parsed.times.push(ts);
    };
    const skip = (reason: string | null) => {
      if (reason !== null) parsed.skipped[reason] = (parsed.skipped[reason] ?? 0) + 1;
    };
    if (batch.kind === 'documents') {
      // Hits arrive parsed: read them as objects (completed as Winlogbeat does, NXLog's reshaped
      // first), not as JSON text again.
      for (const document of batch.documents) {
        const event = readEcsObject(document, adoptNxlogDocument);
        if (typeof event === 'string') skip(event);
        else {
          enrichWindowsEvent(event);
          emit(event, parseIsoMillis(event['@timestamp']));
        }
      }
      parsed.lines = batch.documents.length;
      return parsed;
    }
    const parser = this.parserFor(batch.input, batch.lines);
    for (const line of batch.lines) skip(parser.parseLine(line, emit));
    parsed.lines = batch.lines.length;
    return parsed;
  }

  private parserFor(input: string, sample: readonly string[]): LineParser {
    let parser = this.parsers.get(input);
    if (parser) return parser;
    const definition = this.definitionFor(sample);
    // Syslog lines carry no year: the year of "now" (and December lines read in January) is right live.
    parser = definition.create({ referenceTime: this.now(), inputName: input, timeZone: this.timeZone });
    if (this.parsers.size > 10_000) this.parsers.clear();
    this.parsers.set(input, parser);
    return parser;
  }

  private definitionFor(sample: readonly string[]): ParserDefinition {
    if (this.format !== undefined) return findParser(this.format) ?? ndjsonParser;
    const choice = chooseParser(sample.slice(0, 50));
    return choice.kind === 'none' ? ndjsonParser : choice.parser;
  }
}
