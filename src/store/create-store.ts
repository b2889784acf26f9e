import type { Kysely } from 'kysely';
import { KlaxonError } from '../core/index.ts';
import type { ParseEvidenceLine } from '../core/index.ts';
import { createApiTokenRepository } from './api-token-repository.ts';
import { createCheckpointRepository } from './checkpoint-repository.ts';
import { createEscalationRepository } from './escalation-repository.ts';
import { createIngestJournalRepository } from './ingest-journal-repository.ts';
import { createIncidentRepository } from './incident-repository.ts';
import { createNotificationGroupRepository } from './notification-group-repository.ts';
import { createOutboxRepository } from './outbox-repository.ts';
import { createCaseRepository } from './case-repository.ts';
import { createRuleStateRepository } from './rule-state-repository.ts';
import { createSessionRepository } from './session-repository.ts';
import type { StoreDialect } from './migrations/index.ts';
import type { Redact } from './redact.ts';
import type { Database } from './schema.ts';
import { createSilenceRepository } from './silence-repository.ts';
import { guardMethods, toStoreError } from './store-errors.ts';
import { createSuppressionRepository } from './suppression-repository.ts';
import type { OutboxRepository } from './outbox.ts';
import type { EscalationRepository, Store, StoreOperations } from './store.ts';
import { createUserRepository } from './user-repository.ts';
import { drainedFirst, WriteBehind } from './write-behind.ts';

/**
 * The Store over an open, migrated database. Driver errors leave it as StoreErrors, redacted.
 * `parse`: what evidence stored as its line is parsed whole with (see readStoredSample).
 */
export function createStore(
  db: Kysely<Database>,
  dialect: StoreDialect,
  redact: Redact,
  parse?: ParseEvidenceLine,
): Store {
  const enqueueListeners = new Set<() => void>();
  const tellEnqueued = (): void => {
    for (const listener of enqueueListeners) listener();
  };
  /**
   * `enqueued`: told when an enqueue succeeded (at once outside a transaction, else after its
   * commit). `behind`: in a transaction, what the engine's writes leave to its end.
   */
  const operationsOn = (
    executor: Kysely<Database>,
    enqueued: () => void,
    behind?: WriteBehind,
  ): StoreOperations => ({
    incidents: guardMethods('incidents', createIncidentRepository(executor, behind, parse), redact),
    silences: guardMethods('silences', createSilenceRepository(executor), redact),
    suppressions: guardMethods('suppressions', createSuppressionRepository(executor), redact),
    checkpoints: guardMethods('checkpoints', createCheckpointRepository(executor), redact),
    notificationGroups: guardMethods(
      'notificationGroups',
      createNotificationGroupRepository(executor),
      redact,
    ),
    escalations: guardMethods(
      'escalations',
      withTrailFirst(createEscalationRepository(executor), executor, behind),
      redact,
    ),
    outbox: guardMethods(
      'outbox',
      tellingEnqueues(createOutboxRepository(executor, dialect), enqueued),
      redact,
    ),
    apiTokens: guardMethods('apiTokens', createApiTokenRepository(executor), redact),
    ingestJournal: guardMethods('ingestJournal', createIngestJournalRepository(executor), redact),
    users: guardMethods('users', createUserRepository(executor), redact),
    sessions: guardMethods('sessions', createSessionRepository(executor), redact),
    ruleStates: guardMethods('ruleStates', createRuleStateRepository(executor), redact),
    cases: guardMethods('cases', createCaseRepository(executor, behind), redact),
  });
  let closed = false;
  return {
    dialect,
    ...operationsOn(db, tellEnqueued),
    async transaction<T>(work: (tx: StoreOperations) => Promise<T>): Promise<T> {
      // What `work` throws travels unchanged; only begin/commit failures become StoreErrors.
      let workFailed = false;
      try {
        let enqueued = false;
        const result = await db.transaction().execute(async (trx) => {
          const behind = new WriteBehind(dialect, parse);
          let result: T;
          try {
            result = await work(operationsOn(trx, () => (enqueued = true), behind));
          } catch (error) {
            workFailed = true;
            throw error;
          }
          await behind.drain(trx);
          return result;
        });
        if (enqueued) tellEnqueued();
        return result;
      } catch (error) {
        if (workFailed || error instanceof KlaxonError) throw error;
        throw toStoreError('transaction', error, redact);
      }
    },
    onOutboxEnqueued(listener) {
      const own = () => listener();
      enqueueListeners.add(own);
      return () => enqueueListeners.delete(own);
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** Escalations write audit rows: the engine's rows kept until then (and their incidents) go first. */
function withTrailFirst(
  escalations: EscalationRepository,
  executor: Kysely<Database>,
  behind: WriteBehind | undefined,
): EscalationRepository {
  if (behind === undefined) return escalations;
  return { ...escalations, fired: drainedFirst(() => behind.drain(executor), escalations.fired) };
}

function tellingEnqueues(outbox: OutboxRepository, enqueued: () => void): OutboxRepository {
  return {
    ...outbox,
    async enqueue(notifications, at) {
      const queued = await outbox.enqueue(notifications, at);
      if (queued.length > 0) enqueued();
      return queued;
    },
  };
}
