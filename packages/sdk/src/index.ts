/**
 * `@klaxon/sdk`: report application security events to Klaxon's ingest API. No dependencies and no
 * Node built-ins: runs on Node 18+, Deno, Bun and edge runtimes with `fetch`. The file spool is in
 * `@klaxon/sdk/node`. See the README's quick start.
 */
export type { AppEventAction, AppEventReport } from './app-event.ts';
export type { EcsDocument } from './ecs-document.ts';
export { createReporter } from './reporter.ts';
export type { Reporter, ReporterStats } from './reporter.ts';
export type { ReporterOptions } from './reporter-options.ts';
export { ReporterError } from './reporter-error.ts';
export type { IngestErrorDetail, ReporterErrorKind } from './reporter-error.ts';
export type { RetryPolicy } from './retry-delay.ts';
export type { EventSpool } from './spool.ts';
export type { LoginReport } from './login-report.ts';
export { klaxonExpress } from './express.ts';
export type {
  ExpressNext,
  ExpressRequestLike,
  ExpressResponseLike,
  KlaxonExpressMiddleware,
  KlaxonExpressOptions,
} from './express.ts';
export { klaxonFastify } from './fastify.ts';
export type {
  FastifyInstanceLike,
  FastifyReplyLike,
  FastifyRequestLike,
  KlaxonFastifyOptions,
} from './fastify.ts';
export { reportFetchLogin, withKlaxon } from './fetch-handler.ts';
export type { KlaxonFetchOptions } from './fetch-handler.ts';
export type { AutoReportOptions } from './request-event.ts';
export { isKnownCsrfError } from './csrf-error.ts';
