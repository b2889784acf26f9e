import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from 'pino';

/** A daemon logger for tests: every line's `msg` lands in `lines`, the whole records in `records`. */
export function createMemoryLogger(): {
  logger: Logger;
  lines: string[];
  records: Record<string, unknown>[];
} {
  const lines: string[] = [];
  const records: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n')) {
        if (text === '') continue;
        const record = JSON.parse(text) as Record<string, unknown>;
        records.push(record);
        lines.push(String(record.msg ?? ''));
      }
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines, records };
}
