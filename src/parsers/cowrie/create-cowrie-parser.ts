import type { LineParser } from '../parser.ts';
import { isObject } from '../../core/index.ts';
import { mapCowrieEvent } from './map-cowrie-event.ts';

export const INVALID_JSON = 'invalid-json';
/** Sessions whose source port is remembered at once; the oldest is forgotten first. */
const MAX_SESSIONS = 10_000;

/** Parses Cowrie's JSON log (cowrie.json), one record a line. */
export function createCowrieParser(): LineParser {
  const ports = new Map<string, number>();

  function portOf(record: Record<string, unknown>): number | undefined {
    const session = typeof record.session === 'string' ? record.session : undefined;
    const port = record.src_port;
    if (typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535) {
      if (session !== undefined && record.eventid === 'cowrie.session.connect') {
        if (ports.size >= MAX_SESSIONS) ports.delete(ports.keys().next().value as string);
        ports.set(session, port);
      }
      return port;
    }
    const remembered = session === undefined ? undefined : ports.get(session);
    if (session !== undefined && record.eventid === 'cowrie.session.closed') ports.delete(session);
    return remembered;
  }

  return {
    parseLine(line, emit) {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        return INVALID_JSON;
      }
      if (!isObject(record)) return INVALID_JSON;
      const event = mapCowrieEvent(record, portOf(record));
      if (typeof event === 'string') return event;
      emit(event, Date.parse(event['@timestamp']));
      return null;
    },
    notes: () => [],
  };
}
