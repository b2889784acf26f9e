import type { LineParser, ParserDefinition } from '../parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { mapAuditEvent } from './map-audit-event.ts';
import { readAuditRecord } from './read-audit-record.ts';

export { NOT_AUDIT, MALFORMED_AUDIT } from './read-audit-record.ts';

const LOOKS_LIKE_AUDIT = /^(?:node=\S+ )?type=[A-Z0-9_]+ msg=audit\(/;

export const auditdParser: ParserDefinition = {
  format: 'auditd',
  description: 'Linux audit log (/var/log/audit/audit.log): one event a record, as Filebeat files it',
  sniff: (sample) => shareOfLines(sample, (line) => LOOKS_LIKE_AUDIT.test(line)),
  create: () => createAuditdParser(),
};

/**
 * Reads each audit record on its own, as Filebeat's auditd module does: the records of one
 * syscall (SYSCALL, EXECVE, PATH, PROCTITLE...) share a serial number but are separate events.
 */
function createAuditdParser(): LineParser {
  return {
    parseLine(line, emit) {
      const text = line.endsWith('\r') ? line.slice(0, -1) : line;
      const record = readAuditRecord(text);
      if (typeof record === 'string') return record;
      emit(mapAuditEvent(text, record, new Date(record.time).toISOString()), record.time);
      return null;
    },
    notes: () => [],
  };
}
