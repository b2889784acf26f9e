export type { ServerOptions } from './create-server.ts';
export { createServer, DEFAULT_BODY_LIMIT } from './create-server.ts';
export type { ErrorBody } from './error-handler.ts';
export type { IngestOptions, IngestCounts, IngestRateLimit } from './ingest/index.ts';
export { registerIngestRoutes, createTokenValue, hashToken, createTokenResolver } from './ingest/index.ts';
export type { OperationsOptions, ReadinessCheck } from './operations/index.ts';
export { registerOperationsRoutes } from './operations/index.ts';
export type {
  ApiDependencies,
  ChannelInfo,
  ChannelView,
  IncidentChange,
  IncidentChanges,
  RuleCatalog,
  RuleView,
} from './api/index.ts';
export { registerApi, API_PREFIX, DOCS_PREFIX } from './api/index.ts';
export { checkNewPassword, checkUserName, hashPassword, DASHBOARD_SERVICE } from './auth/index.ts';
export { registerDashboard, DASHBOARD_BUILD_DIR, NOT_BUILT_MESSAGE } from './dashboard/index.ts';
export type { ChatRefusal, SlackInteractivityEndpoint, TelegramWebhookEndpoint } from './chat/index.ts';
export {
  registerSlackInteractivity,
  registerTelegramWebhooks,
  TELEGRAM_SECRET_HEADER,
} from './chat/index.ts';
