import type { ReadsOwnLine, SecurityEvent } from '../../core/index.ts';
import { JSON_LIMITS, LazyOriginal, parseIsoMillis } from '../../core/index.ts';
import type { EmitEvent, LineParser } from '../parser.ts';
import type { LineStore } from '../slim-event.ts';
import { createLocatedRoot, createSlimPrototype, createSlimRoot } from '../slim-event.ts';
import { completeEcsDocument } from './complete-ecs-document.ts';
import { mayHaveDottedKey } from './expand-dotted-keys.ts';
import { buildFieldTrie } from './field-trie.ts';
import type { Projection } from './project-fields.ts';
import { compileProjection, projectFields, projectLocated, withoutOriginal } from './project-fields.ts';
import { readEcsDocument } from './read-ecs-document.ts';
import { expandOnto, rawSelectionTrie } from './dotted-shapes.ts';
import { hitFieldTrie, isLearnableHit, mayBeSearchHit, readsHitMeta, sourcePlanOf } from './hit-shapes.ts';
import { fillObject } from './shape-recipe.ts';
import { ShapeBook } from './shape-book.ts';

export interface SelectiveEcsOptions {
  /** The parser's format, whose whole parser reads a slim event's line again (default `ndjson`). */
  format?: string;
  /** The fields the rules read (dotted paths); `@timestamp` and `event.original` are always kept. */
  fields: readonly string[];
  /** Completes an event in place (the Windows mapping): it may read only `enrichReads` and `fields`. */
  enrich?: ((event: SecurityEvent) => void) | undefined;
  enrichReads?: readonly string[];
  /** Whether a slim event cannot be completed from the selected fields: the line is then read whole. */
  needsWhole?: (slim: SecurityEvent) => boolean;
  /**
   * Reshapes another shipper's whole document into an ECS one (see completeEcsDocument). A line
   * whose selected fields make no event (no `@timestamp` where the shipper names the time
   * otherwise) is then read whole rather than skipped.
   */
  adopt?: (doc: Record<string, unknown>) => void;
  /**
   * Where the lines can be read again: the parser then has `parseLineAt`, whose slim events keep
   * where their line is rather than its text (unless a rule reads `event.original`).
   */
  lines?: LineStore | undefined;
}

/**
 * An ECS line parser that builds only the selected fields of each document (a slim event: see
 * slim-event.ts), for lines of a shape it has learnt (see learn-shape.ts); any other line is read
 * whole as createEcsLineParser reads it, counted and skipped for the same reasons, and its shape
 * learnt. Events carry the same values in the selected fields either way.
 */
export function createSelectiveEcsParser(options: SelectiveEcsOptions): LineParser {
  const { enrich, needsWhole, adopt } = options;
  // The line a slim event is from: its text, or (start >= 0) where it is in `options.lines`.
  let start = -1;
  let bytes = 0;
  // Whether the caller drops events once it read their selected fields (see parseLineUnkept).
  let unkept = false;
  // Where the line's bytes are, when the caller knows (see parseLineUnkept).
  let lineBytes: Uint8Array | undefined;
  let lineBegin = 0;
  let lineLength = 0;
  const read = ['@timestamp', 'event.original', ...options.fields, ...(options.enrichReads ?? [])];
  const trie = buildFieldTrie(read);
  const book = new ShapeBook(trie);
  // Search hits and documents with dotted keys have books of their own (see hit-shapes.ts and
  // dotted-shapes.ts), made at the first such line: each book takes a block of the byte matcher's
  // memory, of which a thread has 28.
  const hitsSelective = !readsHitMeta(trie);
  let hitBook: ShapeBook | undefined;
  let dottedBook: ShapeBook | undefined;
  /** Learns the shape of a line read whole, in the book it was matched against. */
  const learn = (lines: ShapeBook, line: string): void => {
    if (lines === hitBook) {
      if (isLearnableHit(line)) lines.learn(line);
    } else if (lines === dottedBook) {
      if (isLearnableDotted(line))
        lines.learn(line, rawSelectionTrie(JSON.parse(line) as Record<string, unknown>, trie));
    } else if (isLearnable(line)) lines.learn(line);
  };
  const readWhole = (line: string): SecurityEvent | string => {
    const result = readEcsDocument(line, adopt);
    if (typeof result !== 'string' && enrich) enrich(result);
    return result;
  };
  const prototype = createSlimPrototype(
    (line) => readWhole(line) as SecurityEvent,
    trie,
    options.format ?? 'ndjson',
  );
  // Once completed, an event keeps only what the rules read (see projectFields).
  const kept = buildFieldTrie(['@timestamp', 'event.original', ...options.fields]);
  const keptPrototype = createSlimPrototype(
    (line) => readWhole(line) as SecurityEvent,
    kept,
    options.format ?? 'ndjson',
  );
  const projection = compileProjection(kept);
  const located = locatedProjection(options, projection);
  const locatedPrototype =
    located &&
    createSlimPrototype(
      (line) => readWhole(line) as SecurityEvent,
      kept,
      options.format ?? 'ndjson',
      options.lines,
    );
  /** The slim event the rules see: only the kept fields, and the line or where it is. */
  const slimOf = (event: SecurityEvent, line: string): SecurityEvent => {
    if (start < 0 || locatedPrototype === undefined)
      return projectFields(event, projection, createSlimRoot(keptPrototype, line)) as SecurityEvent;
    const root = createLocatedRoot(locatedPrototype, start, bytes);
    // A document's own `event.original` is a value like any other; the line is read back when asked.
    if (event.event.original !== line) return projectLocated(event, projection, root, {}) as SecurityEvent;
    return projectLocated(
      event,
      located as Projection,
      root,
      new LazyOriginal(root as unknown as ReadsOwnLine),
    ) as SecurityEvent;
  };
  const parser: LineParser = {
    parseLine(line, emit) {
      const fits = line.length <= JSON_LIMITS.maxLength;
      let lines =
        hitsSelective && mayBeSearchHit(line) ? (hitBook ??= new ShapeBook(hitFieldTrie(read))) : book;
      let shape = fits ? lines.match(line, lineBytes, lineBegin, lineLength) : undefined;
      // A line no shape of bare documents fits may be one with dotted keys.
      if (shape === undefined && lines === book && fits && mayHaveDottedKey(line)) {
        lines = dottedBook ??= new ShapeBook(trie);
        shape = lines.match(line, lineBytes, lineBegin, lineLength);
      }
      const plan = shape && (lines === hitBook ? sourcePlanOf(shape) : shape.plan);
      if (plan !== undefined) {
        const root =
          lines === dottedBook
            ? expandOnto(createSlimRoot(prototype, line), fillObject({}, plan, lines.holes))
            : fillObject(createSlimRoot(prototype, line), plan, lines.holes);
        const event = completeEcsDocument(root, line, false);
        if (typeof event === 'string') {
          if (adopt === undefined) return event;
        } else if (needsWhole?.(event) !== true) {
          enrich?.(event);
          // Without enrich the event holds only the selected fields already.
          if (unkept || (!enrich && start < 0)) {
            emit(event, parseIsoMillis(event['@timestamp']));
            return null;
          }
          const slim = slimOf(event, line);
          emit(slim, parseIsoMillis(slim['@timestamp']));
          return null;
        }
      }
      const result = readWhole(line);
      if (typeof result === 'string') return result;
      if (shape === undefined) learn(lines, line);
      emit(result, parseIsoMillis(result['@timestamp']));
      return null;
    },
    notes: () => [],
  };
  /** parseLine with the line's bytes where they were read; `dropped`: see parseLineUnkept. */
  const parseInBytes = (
    line: string,
    emit: EmitEvent,
    dropped: boolean,
    bytes: Uint8Array | undefined,
    begin = 0,
    length = 0,
  ): string | null => {
    unkept = dropped;
    lineBytes = bytes;
    lineBegin = begin;
    lineLength = length;
    try {
      return parser.parseLine(line, emit);
    } finally {
      unkept = false;
      lineBytes = undefined;
    }
  };
  parser.parseLineBytes = (line, emit, bytes, begin, length) =>
    parseInBytes(line, emit, false, bytes, begin, length);
  parser.parseLineUnkept = (line, emit, bytes, begin, length) =>
    parseInBytes(line, emit, true, bytes, begin, length);
  if (locatedPrototype !== undefined)
    parser.parseLineAt = (line, at, length, emit, buffer, begin) => {
      start = at;
      bytes = length;
      lineBytes = buffer;
      lineBegin = begin ?? 0;
      lineLength = length;
      try {
        return parser.parseLine(line, emit);
      } finally {
        start = -1;
        lineBytes = undefined;
      }
    };
  return parser;
}

/** The projection of located slim events, if the parser can make them (see SelectiveEcsOptions.lines). */
function locatedProjection(options: SelectiveEcsOptions, projection: Projection): Projection | undefined {
  if (options.lines === undefined) return undefined;
  const readsOriginal = options.fields.some(
    (field) => field === 'event' || field === 'event.original' || field.startsWith('event.original.'),
  );
  return readsOriginal ? undefined : withoutOriginal(projection);
}

/** A bare document: no search hit to unwrap, no dotted keys to expand. */
function isLearnable(line: string): boolean {
  return line.charCodeAt(0) === 123 && !line.includes('"_source"') && !mayHaveDottedKey(line);
}

/** A document with dotted keys (mayHaveDottedKey said so) and no search hit to unwrap. */
function isLearnableDotted(line: string): boolean {
  return line.charCodeAt(0) === 123 && !line.includes('"_source"');
}
