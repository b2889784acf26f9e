import type { SourceSink, SourceStatus } from '../source.ts';

export interface FollowReport {
  /** Trouble a person must fix (permission denied): the source is `failing`. */
  problems: readonly string[];
  /** Worth saying but normal (no file matches yet): the state stays `live` or `catching-up`. */
  notes: readonly string[];
  lagBytes: number;
  linesCut: number;
  maxLineBytes: number;
}

/**
 * `failing` while any path cannot be read; otherwise `catching-up` while bytes are unread and
 * `live` when caught up. A pattern matching no file is `live` with a note, not `failing`: between
 * a rotation's rename and the writer creating the new file nothing matches, and an application
 * may not have logged yet; the note still tells a person who mistyped the path.
 */
export function describeFollowStatus(report: FollowReport): SourceStatus {
  const state = report.problems.length > 0 ? 'failing' : report.lagBytes > 0 ? 'catching-up' : 'live';
  const messages = [...report.problems, ...report.notes];
  if (report.linesCut > 0) {
    const lines = report.linesCut === 1 ? '1 line' : `${report.linesCut} lines`;
    messages.push(`${lines} longer than ${formatBytes(report.maxLineBytes)} cut to that length`);
  }
  return {
    state,
    ...(messages.length > 0 ? { message: messages.join('; ') } : {}),
    lag: { value: report.lagBytes, unit: 'bytes' },
  };
}

/** A sink's `status`, called only when the status differs from the one reported before. */
export function reportChangesTo(sink: SourceSink): (status: SourceStatus) => void {
  let last = '';
  return (status) => {
    const text = JSON.stringify(status);
    if (text === last) return;
    last = text;
    sink.status(status);
  };
}

function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
