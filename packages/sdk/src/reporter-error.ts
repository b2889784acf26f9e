/** One problem the ingest API named in a 400 answer. */
export interface IngestErrorDetail {
  index: number;
  field?: string;
  message: string;
}

/**
 * Why events did not reach Klaxon:
 * - `invalid`: `report()`/`reportEcs()` got something that cannot be sent;
 * - `rejected`: Klaxon refused the batch (400, 401, 403, 413, 415, other 4xx); not retried;
 * - `gave-up`: the batch kept failing (network, 5xx, 429) until the retries ran out;
 * - `overflow`: the queue was full, so the oldest events were dropped;
 * - `closed`: events reported after `close()`, or still unsent when `close()` stopped waiting.
 */
export type ReporterErrorKind = 'invalid' | 'rejected' | 'gave-up' | 'overflow' | 'closed';

export interface ReporterErrorInit {
  kind: ReporterErrorKind;
  message: string;
  /** How many events this error lost. */
  dropped: number;
  status?: number;
  details?: IngestErrorDetail[];
}

/** What `onError` receives. Messages name fields and status codes, never the token or event values. */
export class ReporterError extends Error {
  override readonly name = 'ReporterError';
  readonly kind: ReporterErrorKind;
  readonly dropped: number;
  readonly status: number | undefined;
  readonly details: readonly IngestErrorDetail[] | undefined;

  constructor(init: ReporterErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.dropped = init.dropped;
    this.status = init.status;
    this.details = init.details;
  }
}
