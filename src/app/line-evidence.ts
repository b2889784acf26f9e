import { getField, LineEvidence } from '../core/index.ts';
import type { ParseEvidenceLine, SecurityEvent } from '../core/index.ts';
import { SAMPLE_ENTITY_FIELDS } from '../incidents/index.ts';
import { findParser, lineArena } from '../parsers/index.ts';
import type { EmitEvent, LineParser } from '../parsers/index.ts';
import { openStore } from '../store/index.ts';
import type { OpenStoreOptions, Store } from '../store/index.ts';
import { PER_LINE_FORMATS } from './parallel/chunk-parser.ts';
import { lineSourceOf, parseWholeLine } from './parallel/light-events.ts';

/**
 * What the stores Klaxon opens parse evidence stored as its line with (see LineEvidence): the whole
 * parse of a format whose parser reads each line on its own, as the replay that wrote it would have.
 */
export const parseEvidenceLine: ParseEvidenceLine = (format, line) =>
  PER_LINE_FORMATS.has(format) ? parseWholeLine(format, line) : undefined;

/** A store as Klaxon opens it to read and write incidents: its evidence lines parsed whole. */
export function openKlaxonStore(
  url: string,
  options: Omit<OpenStoreOptions, 'evidence'> = {},
): Promise<Store> {
  return openStore(url, { ...options, evidence: parseEvidenceLine });
}

/**
 * The evidence a replay writes to a store for an event that stands in for its line (see
 * lineSourceOf): the line, and of its fields only those case assignment reads, parsed selectively
 * (the whole event costs several times as much to parse and twice as many bytes to write).
 * Undefined for a whole event, or a line that gives no event.
 */
export function lineEvidenceOf(event: SecurityEvent): LineEvidence | undefined {
  const source = lineSourceOf(event);
  if (source === undefined || !PER_LINE_FORMATS.has(source.format)) return undefined;
  const fields = entityFieldsOf(source.format, source.line);
  return fields && new LineEvidence(source.format, source.line, event['@timestamp'], fields);
}

const entityParsers = new Map<string, LineParser>();

/** The fields of SAMPLE_ENTITY_FIELDS the line has, nested as in its event; undefined if it gives none. */
function entityFieldsOf(format: string, line: string): Record<string, unknown> | undefined {
  let parser = entityParsers.get(format);
  if (parser === undefined) {
    const definition = findParser(format);
    if (definition === undefined) return undefined;
    parser = definition.createSelective
      ? definition.createSelective({}, SAMPLE_ENTITY_FIELDS)
      : definition.create({});
    entityParsers.set(format, parser);
  }
  let event: SecurityEvent | undefined;
  parseUnkept(parser, line, (parsed) => (event ??= parsed));
  if (event === undefined) return undefined;
  const fields: Record<string, Record<string, unknown>> = {};
  for (const path of SAMPLE_ENTITY_FIELDS) {
    const value = getField(event, path);
    if (value === undefined) continue;
    const [parent, child] = path.split('.') as [string, string];
    (fields[parent] ??= {})[child] = value;
  }
  return fields;
}

/**
 * Parses `line` for a caller that reads two fields and drops the event, from its bytes where the
 * parser can read them (see ByteMatcher), where a document's shape is matched faster than in its
 * text: 64-73 against 87-104 ms for the 11,425 evidence lines of the bench's 1M Winlogbeat replay.
 */
function parseUnkept(parser: LineParser, line: string, emit: EmitEvent): void {
  const parseBytes = parser.parseLineUnkept;
  // Room for the line's UTF-8 bytes: at most three per UTF-16 unit.
  const arena = parseBytes && lineArena(line.length * 3);
  if (arena === undefined) parser.parseLine(line, emit);
  else parseBytes?.call(parser, line, emit, arena, 0, arena.write(line, 0, 'utf8'));
}
