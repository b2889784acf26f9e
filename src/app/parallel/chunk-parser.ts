import { InputError } from '../../core/index.ts';
import type { LineParser, ParserOptions } from '../../parsers/index.ts';
import { findParser } from '../../parsers/index.ts';

/**
 * Formats whose parser reads each line on its own, keeping nothing from one line to the next, so
 * that parts of a file can be parsed apart and in any order. sshd (year inference, repeated
 * messages) and Cowrie (session ports) carry state and are read by one thread.
 */
export const PER_LINE_FORMATS: ReadonlySet<string> = new Set(['ndjson', 'windows']);

/**
 * The line parser a thread parses a part of a file with: the one `openEventStream` would create,
 * building only `fields` when they are given and the parser can (a selective parser).
 */
export function createRangeParser(
  format: string,
  options: ParserOptions,
  fields: readonly string[] | undefined,
): LineParser {
  const definition = findParser(format);
  if (!definition || !PER_LINE_FORMATS.has(definition.format))
    throw new InputError(`format "${format}" cannot be parsed in parts`);
  return fields !== undefined && definition.createSelective
    ? definition.createSelective(options, fields)
    : definition.create(options);
}
