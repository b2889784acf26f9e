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
} from './store.ts';
export type {
  OutboxRepository,
  OutboxEntry,
  OutboxState,
  OutboxFilter,
  OutboxFailureReason,
  ChannelHealth,
} from './outbox.ts';
export { OUTBOX_STATES } from './outbox.ts';
export type { OpenStoreOptions } from './open-store.ts';
export { openStore } from './open-store.ts';
export { redactUrl } from './redact.ts';
