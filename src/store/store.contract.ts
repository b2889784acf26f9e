import { afterEach, describe } from 'vitest';
import { describeCaseContract } from './contract/cases.contract.ts';
import { describeConcurrencyContract } from './contract/concurrency.contract.ts';
import type { OpenStore } from './contract/fixtures.ts';
import { describeEscalationContract } from './contract/escalations.contract.ts';
import { describeIncidentSearchContract } from './contract/incident-search.contract.ts';
import { describeIncidentLifecycleContract } from './contract/incident-lifecycle.contract.ts';
import { describeIncidentContract } from './contract/incidents.contract.ts';
import { describeIngestContract } from './contract/ingest.contract.ts';
import { describeMinuteCountsContract } from './contract/minute-counts.contract.ts';
import { describeNoiseAndCheckpointContract } from './contract/noise-and-checkpoints.contract.ts';
import { describeNotificationGroupContract } from './contract/notification-groups.contract.ts';
import { describeOutboxContract } from './contract/outbox.contract.ts';
import { describePersonActionContract } from './contract/person-actions.contract.ts';
import { describeTransactionContract } from './contract/transactions.contract.ts';
import { describeUsersContract } from './contract/users.contract.ts';
import type { Store } from './store.ts';

/**
 * The behaviour every Store must have, run against each dialect. `open` opens another Store on
 * the current test's database: the caller gives every test a fresh, empty database (beforeEach),
 * so calling `open` twice in one test yields two instances on one database. Stores opened here
 * are closed after each test.
 */
export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name} store`, () => {
    const opened: Store[] = [];
    const openTracked: OpenStore = async () => {
      const store = await open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });
    describeIncidentContract(openTracked);
    describeIncidentLifecycleContract(openTracked);
    describePersonActionContract(openTracked);
    describeTransactionContract(openTracked);
    describeConcurrencyContract(openTracked);
    describeNoiseAndCheckpointContract(openTracked);
    describeNotificationGroupContract(openTracked);
    describeOutboxContract(openTracked);
    describeIngestContract(openTracked);
    describeUsersContract(openTracked);
    describeCaseContract(openTracked);
    describeIncidentSearchContract(openTracked);
    describeEscalationContract(openTracked);
    describeMinuteCountsContract(openTracked);
  });
}
