import type { SecurityEvent } from '../../core/index.ts';
import { JSON_LIMITS, parseIsoMillis } from '../../core/index.ts';
import type { LineParser } from '../parser.ts';
import { createSlimPrototype, createSlimRoot } from '../slim-event.ts';
import { completeEcsDocument } from './complete-ecs-document.ts';
import { mayHaveDottedKey } from './expand-dotted-keys.ts';
import { buildFieldTrie } from './field-trie.ts';
import { compileProjection, projectFields } from './project-fields.ts';
import { readEcsDocument } from './read-ecs-document.ts';
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
}

/**
 * An ECS line parser that builds only the selected fields of each document (a slim event: see
 * slim-event.ts), for lines of a shape it has learnt (see learn-shape.ts); any other line is read
 * whole as createEcsLineParser reads it, counted and skipped for the same reasons, and its shape
 * learnt. Events carry the same values in the selected fields either way.
 */
export function createSelectiveEcsParser(options: SelectiveEcsOptions): LineParser {
  const { enrich, needsWhole } = options;
  const trie = buildFieldTrie([
    '@timestamp',
    'event.original',
    ...options.fields,
    ...(options.enrichReads ?? []),
  ]);
  const book = new ShapeBook(trie);
  const readWhole = (line: string): SecurityEvent | string => {
    const result = readEcsDocument(line);
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
  return {
    parseLine(line, emit) {
      const shape = line.length <= JSON_LIMITS.maxLength ? book.match(line) : undefined;
      if (shape?.plan !== undefined) {
        const root = fillObject(createSlimRoot(prototype, line), shape.plan, book.holes);
        const event = completeEcsDocument(root, line, false);
        if (typeof event === 'string') return event;
        if (needsWhole?.(event) !== true) {
          if (!enrich) {
            emit(event, parseIsoMillis(event['@timestamp']));
            return null;
          }
          enrich(event);
          const slim = projectFields(event, projection, createSlimRoot(keptPrototype, line)) as SecurityEvent;
          emit(slim, parseIsoMillis(slim['@timestamp']));
          return null;
        }
      }
      const result = readWhole(line);
      if (typeof result === 'string') return result;
      if (shape === undefined && isLearnable(line)) book.learn(line);
      emit(result, parseIsoMillis(result['@timestamp']));
      return null;
    },
    notes: () => [],
  };
}

/** A bare document: no search hit to unwrap, no dotted keys to expand. */
function isLearnable(line: string): boolean {
  return line.charCodeAt(0) === 123 && !line.includes('"_source"') && !mayHaveDottedKey(line);
}
