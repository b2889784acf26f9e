export type { IngestOptions, IngestCounts } from './ingest-routes.ts';
export { registerIngestRoutes } from './ingest-routes.ts';
export { createTokenValue, hashToken, bearerTokenOf } from './api-token.ts';
export { createTokenResolver } from './resolve-api-token.ts';
export type { IngestRateLimit } from './token-rate-limiter.ts';
