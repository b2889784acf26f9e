/**
 * `klaxon/sdk`: report application security events to Klaxon's ingest API. Standalone: Node
 * built-ins only, no Express or Fastify needed at run time.
 *
 *   const reporter = createReporter({ url: 'https://klaxon.internal', token, service: 'shop-web' });
 *   reporter.report({ action: 'object_id_tampered', ip, user, objectId });
 *
 *   // Express 5: failed/successful logins, CSRF failures and 403s, with no reporting code in routes.
 *   const klaxon = klaxonExpress(reporter, { user: (req) => req.session?.user });
 *   app.use(klaxon); ...routes...; app.use(klaxon.errorHandler);
 *
 *   // Fastify 5: the same, app-wide.
 *   await app.register(klaxonFastify, { reporter });
 *
 *   process.on('SIGTERM', () => void reporter.close());
 */
export type { AppEventAction, AppEventReport } from './app-event.ts';
export type { EcsDocument } from './ecs-document.ts';
export { createReporter } from './reporter.ts';
export type { Reporter, ReporterStats } from './reporter.ts';
export type { ReporterOptions } from './reporter-options.ts';
export { ReporterError } from './reporter-error.ts';
export type { IngestErrorDetail, ReporterErrorKind } from './reporter-error.ts';
export type { RetryPolicy } from './retry-delay.ts';
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
export type { AutoReportOptions } from './request-event.ts';
export { isKnownCsrfError } from './csrf-error.ts';
