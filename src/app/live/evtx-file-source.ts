import { readFile, stat } from 'node:fs/promises';
import { decodeEvtxBuffer } from '../../parsers/index.ts';
import type { EventSource, FileSourceConfig, SourceDependencies, SourceSink } from '../../sources/index.ts';

/** Per file: the highest record id delivered (a decimal string: ids are 64-bit). */
export interface EvtxPosition {
  files: Record<string, string>;
}

const BATCH_RECORDS = 500;

/** Whether a file source reads Windows event log files: `format: evtx`, or only `.evtx` paths. */
export function isEvtxFileSource(config: FileSourceConfig): boolean {
  if (config.format !== undefined) return config.format.trim().toLowerCase() === 'evtx';
  return config.path.every((path) => path.toLowerCase().endsWith('.evtx'));
}

/**
 * A file source for .evtx files (literal paths): each poll, a file whose size or mtime changed is
 * decoded whole and its records newer than the last delivered record id are handed on as
 * Winlogbeat-shaped documents, oldest id first. The position is the record id per file, so a
 * restart neither skips nor repeats a record. Corrupt chunks and records are counted.
 */
export function createEvtxFileSource(
  name: string,
  config: FileSourceConfig,
  dependencies: Pick<SourceDependencies, 'resumeFrom' | 'sleep'>,
): EventSource & { readonly skipped: Record<string, number> } {
  const skipped: Record<string, number> = {};
  return {
    name,
    type: 'file',
    skipped,
    run: (sink, signal) => pollEvtxFiles(config, dependencies, sink, signal, skipped),
  };
}

async function pollEvtxFiles(
  config: FileSourceConfig,
  dependencies: Pick<SourceDependencies, 'resumeFrom' | 'sleep'>,
  sink: SourceSink,
  signal: AbortSignal,
  skipped: Record<string, number>,
): Promise<void> {
  const position = restorePosition(dependencies.resumeFrom);
  const seen = new Map<string, string>();
  sink.status({ state: 'starting' });
  while (!signal.aborted) {
    const problems: string[] = [];
    for (const path of config.path) {
      const problem = await readChangedFile(path, seen, position, sink, skipped);
      if (problem !== undefined) problems.push(problem);
    }
    sink.status(problems.length > 0 ? { state: 'failing', message: problems.join('; ') } : { state: 'live' });
    await dependencies.sleep(config.poll, signal);
  }
}

async function readChangedFile(
  path: string,
  seen: Map<string, string>,
  position: EvtxPosition,
  sink: SourceSink,
  skipped: Record<string, number>,
): Promise<string | undefined> {
  let buf: Buffer;
  try {
    const info = await stat(path);
    const version = `${info.size}:${info.mtimeMs}`;
    if (seen.get(path) === version) return undefined;
    buf = await readFile(path);
    seen.set(path, version);
  } catch (error) {
    return `${path}: ${(error as NodeJS.ErrnoException).code ?? 'cannot read'}`;
  }
  const saved = position.files[path];
  const after = saved === undefined ? -1n : BigInt(saved);
  const fresh: Array<{ id: bigint; document: Record<string, unknown> }> = [];
  try {
    for (const record of decodeEvtxBuffer(buf, saved === undefined ? undefined : after)) {
      if (record.kind === 'skip') skipped[record.reason] = (skipped[record.reason] ?? 0) + 1;
      else if (record.recordId > after) fresh.push({ id: record.recordId, document: record.document });
    }
  } catch (error) {
    return `${path}: ${(error as Error).message}`;
  }
  // A log that wrapped around holds its oldest chunk anywhere: hand records on by id.
  fresh.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let from = 0; from < fresh.length; from += BATCH_RECORDS) {
    const slice = fresh.slice(from, from + BATCH_RECORDS);
    position.files[path] = String((slice[slice.length - 1] as (typeof slice)[number]).id);
    await sink.deliver({
      kind: 'documents',
      documents: slice.map((record) => record.document),
      position: { files: { ...position.files } },
    });
  }
  return undefined;
}

function restorePosition(saved: unknown): EvtxPosition {
  const files: Record<string, string> = {};
  const savedFiles = (saved as { files?: unknown } | undefined)?.files;
  if (typeof savedFiles === 'object' && savedFiles !== null) {
    for (const [path, id] of Object.entries(savedFiles))
      if (typeof id === 'string' && /^\d+$/.test(id)) files[path] = id;
  }
  return { files };
}
