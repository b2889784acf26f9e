export type { CaseRepository, CaseSpanRow } from './case-repository.ts';
export type {
  Store,
  StoreOperations,
  NewIncident,
  IncidentProgress,
  IncidentFilter,
  IncidentRepository,
  SilenceMatcher,
  Silence,
  NewSilence,
  SilenceRepository,
  SuppressionRepository,
  CheckpointRepository,
  NotificationGroupRepository,
  EscalationRepository,
  EscalationRow,
  SavedGroupRow,
  GroupMessageRow,
} from './store.ts';
export type {
  OutboxRepository,
  OutboxEntry,
  OutboxState,
  OutboxFilter,
  OutboxFailureReason,
  ChannelHealth,
  ToldChannel,
} from './outbox.ts';
export type {
  ApiToken,
  NewApiToken,
  ApiTokenRepository,
  IngestBatch,
  IngestJournalRepository,
} from './ingest.ts';
export type {
  User,
  UserRole,
  NewUser,
  UserRepository,
  Session,
  SessionRepository,
  RuleState,
  RuleStateRepository,
} from './users.ts';
export { USER_ROLES } from './users.ts';
export { OUTBOX_STATES } from './outbox.ts';
export type { OpenStoreOptions } from './open-store.ts';
export { checkStore, openStore } from './open-on-demand.ts';
export { requireActiveUser } from './require-user.ts';
export { redactUrl } from './redact.ts';
export type { StoreCheckReport } from './check-store.ts';
export type { IntegrityLevel, StoreCheck } from './store-checks.ts';
