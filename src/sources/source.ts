import type * as z from 'zod';

/**
 * The source plug-in contract. A source reads raw records (log lines or JSON documents) from
 * somewhere outside Klaxon and hands them on in batches, each with the position reached after
 * it. The pipeline (app/) parses the records, runs detection and, every few seconds, commits
 * incidents, the engine snapshot and the latest delivered position of every source in one store
 * transaction; a restarted source gets that position back as `resumeFrom`, so a restart neither
 * skips nor re-reads anything.
 */
export interface EventSource {
  /** The configured name (`auth-log`), unique in klaxon.yaml; names checkpoints and metrics. */
  readonly name: string;
  /** The definition's type (`file`, `elasticsearch`, `syslog`, `http`). */
  readonly type: string;
  /**
   * Reads until `signal` aborts, then returns. Each batch is handed to `sink.deliver` and awaited
   * before the next is read (backpressure). Expected trouble (a missing file, an unreachable
   * cluster, bad credentials) never throws: the source reports it with `sink.status` and retries.
   */
  run(sink: SourceSink, signal: AbortSignal): Promise<void>;
}

export interface SourceSink {
  deliver(batch: SourceBatch): Promise<void>;
  status(status: SourceStatus): void;
}

/** Lines, with the input they came from (a file path, a syslog peer), or JSON documents. */
export type SourceBatch =
  | { kind: 'lines'; input: string; lines: string[]; position: SourcePosition }
  | { kind: 'documents'; documents: Record<string, unknown>[]; position: SourcePosition };

/**
 * Where the source stands after a batch: plain JSON (offsets, a search_after cursor, ids seen in
 * the overlap window). Opaque to everyone but the source that made it.
 */
export type SourcePosition = unknown;

export interface SourceStatus {
  /** `catching-up`: reading a backlog; `live`: caught up, waiting for news; `failing`: see message. */
  state: 'starting' | 'catching-up' | 'live' | 'failing';
  /** Plain words for people, never a secret (`cluster unreachable: ECONNREFUSED 127.0.0.1:9200`). */
  message?: string;
  /**
   * Epoch ms before which this source will hand on no more events, as far as it knows (for a
   * poller: the upper bound of its last completed query minus its overlap). The engine's clock
   * advances to the smallest watermark over all sources, so a slow source's events are not late.
   * Absent: the wall clock minus the pipeline's tolerance.
   */
  watermark?: number;
  /** How far behind the newest data the source is, when it can tell (bytes not read, documents pending). */
  lag?: { value: number; unit: 'bytes' | 'documents' | 'seconds' };
}

/** What every source gets besides its settings; tests pass fakes. */
export interface SourceDependencies {
  /** The position of the last committed batch, or undefined on the first run. */
  resumeFrom: SourcePosition | undefined;
  now: () => number;
  /** Waits `ms` or until `signal` aborts (resolves either way). */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  fetch: typeof globalThis.fetch;
}

/** One kind of source, declared once (like a ChannelDefinition): schemas and a factory. */
export interface SourceDefinition<Config = unknown, Secrets = unknown> {
  type: string;
  /** Settings that may be shown (`config check`, the dashboard). */
  configSchema: z.ZodType<Config>;
  /** Settings that grant access (API keys, passwords); never shown. */
  secretsSchema: z.ZodType<Secrets>;
  create(name: string, config: Config, secrets: Secrets, dependencies: SourceDependencies): EventSource;
}
