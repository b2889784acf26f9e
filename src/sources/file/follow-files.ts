import type { SourceDependencies, SourceSink } from '../source.ts';
import { readCompressedFiles } from './compressed-files.ts';
import type { CompressedContext } from './compressed-files.ts';
import { createFileGenerations } from './file-generations.ts';
import type { FileGenerations } from './file-generations.ts';
import { describeFilePosition, restoreFilePosition } from './file-position.ts';
import { describeFollowStatus, reportChangesTo } from './follow-status.ts';
import { prepareFile } from './prepare-file.ts';
import { readFileTurn } from './read-file-turn.ts';
import type { ReadContext } from './read-file-turn.ts';
import { reconcileFiles } from './reconcile-files.ts';
import { routeCompressedByContent } from './route-by-content.ts';
import { scanFiles } from './scan-files.ts';
import { closeFile, unreadBytes } from './tracked-file.ts';
import type { TrackedFile } from './tracked-file.ts';

const READ_BUFFER_BYTES = 256 * 1024;

export interface FollowSettings {
  patterns: readonly string[];
  startAt: 'beginning' | 'end';
  pollMs: number;
  maxLineBytes: number;
}

export type FollowDependencies = Pick<SourceDependencies, 'resumeFrom' | 'now' | 'sleep'>;

/**
 * Follows the files the patterns name until `signal` aborts, like Filebeat's filestream input:
 * scan, read what is new in every file (a file renamed away first, then the oldest), deliver
 * each chunk's complete lines with the position after them, and sleep a poll when nothing was
 * new. Compressed rotations (`auth.log.2.gz`) are read whole, once, before the plain files (see
 * readCompressedFiles). I/O trouble is reported with `sink.status` and retried on the next poll,
 * never thrown.
 */
export async function followFiles(
  settings: FollowSettings,
  dependencies: FollowDependencies,
  sink: SourceSink,
  signal: AbortSignal,
  counters: { linesCut: number },
): Promise<void> {
  const restored = restoreFilePosition(dependencies.resumeFrom);
  const files = new Map(restored.files.map((file) => [file.key, file]));
  const generations = createFileGenerations(files);
  const compressed = new Map(restored.compressed.map((file) => [file.key, file]));
  const report = reportChangesTo(sink);
  let previousProblems: string[] = [];
  let current = { problems: [] as string[], notes: restored.problem === undefined ? [] : [restored.problem] };
  const describe = (problems: string[]) =>
    describeFollowStatus({
      problems,
      notes: current.notes,
      lagBytes: sumUnread(files),
      linesCut: counters.linesCut,
      maxLineBytes: settings.maxLineBytes,
    });
  const deliverLines = async (input: string, lines: string[]): Promise<void> => {
    await sink.deliver({
      kind: 'lines',
      input,
      lines,
      position: describeFilePosition(files.values(), compressed.values()),
    });
    report(describe(union(previousProblems, current.problems)));
  };
  const context: ReadContext = {
    buffer: Buffer.allocUnsafe(Math.max(READ_BUFFER_BYTES, settings.maxLineBytes + 2)),
    maxLineBytes: settings.maxLineBytes,
    signal,
    now: dependencies.now,
    counters,
    deliver: (file, lines) => deliverLines(file.path, lines),
  };
  const compressedContext = (skipExisting: boolean): CompressedContext => ({
    maxLineBytes: settings.maxLineBytes,
    signal,
    counters,
    skipExisting,
    deliver: (file, lines) => deliverLines(file.path, lines),
  });
  report({ state: 'starting' });
  let firstScan = true;
  let compressedNotes: string[] = [];
  try {
    while (!signal.aborted) {
      const scan = await scanFiles(settings.patterns);
      await routeCompressedByContent(scan, files, compressed);
      await reconcileFiles(files, scan.found, { startAt: settings.startAt, firstScan });
      const scanNotes = firstScan ? [...current.notes, ...scan.notes] : scan.notes;
      current = { problems: scan.problems, notes: [...scanNotes, ...compressedNotes] };
      const skipExisting = firstScan && settings.startAt === 'end';
      firstScan = false;
      report(describe(union(previousProblems, current.problems)));
      const { ready, rescan } = await prepareFiles(files, generations, current.problems);
      const packed = await readCompressedFiles(
        [...scan.compressed.values()],
        compressed,
        files,
        generations,
        compressedContext(skipExisting),
      );
      current.problems.push(...packed.problems);
      compressedNotes = packed.notes;
      current.notes = [...scanNotes, ...compressedNotes];
      let progressed = rescan || packed.progressed;
      for (const { file, removed } of ready) {
        if (signal.aborted) break;
        const turn = await readFileTurn(file, removed, context);
        progressed ||= turn.progressed;
        if (turn.problem !== undefined) current.problems.push(turn.problem);
        if (turn.finished) {
          // Remembered, so a compressed copy of it (auth.log.2.gz) is not read again.
          generations.retire(file);
          await closeFile(file);
          files.delete(file.key);
        }
      }
      previousProblems = current.problems;
      report(describe(current.problems));
      if (!progressed && !signal.aborted) await dependencies.sleep(settings.pollMs, signal);
    }
  } finally {
    await Promise.all([...files.values()].map(closeFile));
  }
}

interface ReadyFile {
  file: TrackedFile;
  removed: boolean;
  copy: boolean;
}

/**
 * Opens and checks every file, forgetting those gone for good, and orders the rest for reading:
 * files renamed away or deleted first (they end the older part of a log), then copies of what
 * was read before (copytruncate), then oldest first. A file that started over is read after the
 * next scan, which sees the copy that copytruncate made before truncating (`rescan`).
 */
async function prepareFiles(
  files: Map<string, TrackedFile>,
  generations: FileGenerations,
  problems: string[],
): Promise<{ ready: ReadyFile[]; rescan: boolean }> {
  const ready: ReadyFile[] = [];
  let rescan = false;
  for (const file of [...files.values()]) {
    const preparation = await prepareFile(file, generations);
    if (preparation.kind === 'ready') {
      if (preparation.change === 'restarted') rescan = true;
      else ready.push({ file, removed: preparation.removed, copy: preparation.change === 'copy' });
      continue;
    }
    if (preparation.kind === 'problem') {
      problems.push(preparation.message);
      await closeFile(file);
    }
    if (!file.matched) files.delete(file.key);
  }
  ready.sort(
    (a, b) =>
      Number(a.file.matched) - Number(b.file.matched) ||
      Number(b.copy) - Number(a.copy) ||
      a.file.modifiedMs - b.file.modifiedMs,
  );
  return { ready, rescan };
}

function sumUnread(files: ReadonlyMap<string, TrackedFile>): number {
  let total = 0;
  for (const file of files.values()) total += unreadBytes(file);
  return total;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
