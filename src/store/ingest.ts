/** A bearer token of the HTTP API. The token itself is shown once, at creation; only its hash is kept. */
export interface ApiToken {
  id: string;
  name: string;
  /** `ingest` (POST events), `read` (feeds, API reads), ... */
  scopes: string[];
  /** `service.name` given to events that carry none. */
  service?: string;
  createdAt: number;
  createdBy: string;
  lastUsedAt?: number;
  revokedAt?: number;
}

export interface NewApiToken {
  name: string;
  /** SHA-256 of the token, hex. */
  hash: string;
  scopes: string[];
  service?: string;
  createdBy: string;
}

export interface ApiTokenRepository {
  /** ConflictError when the name is taken. */
  add(token: NewApiToken, at: number): Promise<ApiToken>;
  /** The token with this hash unless revoked. */
  findActiveByHash(hash: string): Promise<ApiToken | undefined>;
  list(): Promise<ApiToken[]>;
  /** NotFoundError for an unknown name, ConflictError when already revoked. */
  revoke(name: string, at: number): Promise<ApiToken>;
  markUsed(id: string, at: number): Promise<void>;
}

/** One accepted ingest request: its events as NDJSON. */
export interface IngestBatch {
  id: number;
  receivedAt: number;
  tokenId: string;
  count: number;
  eventsNdjson: string;
}

export interface IngestJournalRepository {
  /** Appends a batch; once this resolves the events are durable. Returns the batch id. */
  append(batch: Omit<IngestBatch, 'id'>): Promise<number>;
  /** Batches with an id above `afterId`, oldest first. */
  readAfter(afterId: number, limit: number): Promise<IngestBatch[]>;
  /** Deletes batches up to and including `throughId` that were received before `receivedBefore`. */
  prune(throughId: number, receivedBefore: number): Promise<number>;
  /** The highest id written so far (0 when empty). */
  lastId(): Promise<number>;
}
