import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { EventSpool } from './spool.ts';

export interface FileSpoolOptions {
  /** A directory for this application alone; created when missing. */
  dir: string;
  /** Bytes kept at most across all files (default 50 MiB); beyond, new events are refused and counted as dropped. */
  maxBytes?: number;
  /** Bytes per file before a new one is started (default 1 MiB). */
  segmentBytes?: number;
}

const PREFIX = 'klaxon-spool-';

/**
 * An append-only NDJSON spool in a directory: events are appended to numbered segment files and
 * taken back oldest file first, so they survive an application restart and are replayed on start.
 * Writes are synchronous: they happen only when events would otherwise be dropped.
 */
export function fileSpool(options: FileSpoolOptions): EventSpool {
  const { dir } = options;
  const maxBytes = options.maxBytes ?? 50 * 1024 * 1024;
  const segmentBytes = options.segmentBytes ?? 1024 * 1024;
  mkdirSync(dir, { recursive: true });
  const segments = listSegments(dir);
  let bytes = segments.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
  let count = segments.reduce((sum, name) => sum + readLines(join(dir, name)).length, 0);
  let writing = nextSegment(segments);
  let writingBytes = 0;

  function save(events: readonly string[]): number {
    let refused = 0;
    const lines: string[] = [];
    for (const json of events) {
      const size = new TextEncoder().encode(json).length + 1;
      if (bytes + size > maxBytes) refused++;
      else {
        lines.push(json);
        bytes += size;
        writingBytes += size;
      }
    }
    if (lines.length === 0) return refused;
    appendFileSync(join(dir, writing), `${lines.join('\n')}\n`);
    if (!segments.includes(writing)) segments.push(writing);
    count += lines.length;
    if (writingBytes >= segmentBytes) {
      writing = nextSegment(segments);
      writingBytes = 0;
    }
    return refused;
  }

  /** Takes from the oldest segment; what is left of it is written back, so a crash loses nothing taken later. */
  function take(max: number): string[] {
    const oldest = segments[0];
    if (oldest === undefined) return [];
    const path = join(dir, oldest);
    const lines = readLines(path);
    const taken = lines.slice(0, max);
    const rest = lines.slice(taken.length);
    const sizeBefore = statSync(path).size;
    if (rest.length > 0) {
      writeFileSync(`${path}.tmp`, `${rest.join('\n')}\n`);
      renameSync(`${path}.tmp`, path);
      bytes -= sizeBefore - statSync(path).size;
    } else {
      unlinkSync(path);
      bytes -= sizeBefore;
      segments.shift();
      if (oldest === writing) {
        writing = nextSegment(segments.length > 0 ? segments : [oldest]);
        writingBytes = 0;
      }
    }
    count -= taken.length;
    return taken;
  }

  return {
    save,
    take,
    get size() {
      return count;
    },
  };
}

function listSegments(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.startsWith(PREFIX) && name.endsWith('.ndjson'))
    .sort();
}

function nextSegment(existing: readonly string[]): string {
  const last = existing[existing.length - 1];
  const number = last === undefined ? 0 : Number(last.slice(PREFIX.length, -'.ndjson'.length)) + 1;
  return `${PREFIX}${String(number).padStart(12, '0')}.ndjson`;
}

/** Whole lines only: a line cut short by a crash mid-write is not valid JSON and is skipped. */
function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{') && isJson(line));
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}
