import type { SecurityEvent } from '../../core/index.ts';
import { parseIsoMillis } from '../../core/index.ts';
import type { LineParser } from '../parser.ts';
import { readEcsDocument } from './read-ecs-document.ts';

/**
 * A LineParser over ECS NDJSON documents; `enrich` (if given) completes each event in place before it
 * is emitted, and `adopt` reshapes another shipper's document first (see completeEcsDocument).
 */
export function createEcsLineParser(
  enrich?: (event: SecurityEvent) => void,
  adopt?: (doc: Record<string, unknown>) => void,
): LineParser {
  return {
    parseLine(line, emit) {
      const result = readEcsDocument(line, adopt);
      if (typeof result === 'string') return result;
      if (enrich) enrich(result);
      emit(result, parseIsoMillis(result['@timestamp']));
      return null;
    },
    notes: () => [],
  };
}
