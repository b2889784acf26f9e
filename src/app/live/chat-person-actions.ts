import type { Incident, PersonActionNotice } from '../../core/index.ts';
import { announcePersonAction } from '../../routing/index.ts';
import type { PersonActionRouting } from '../../routing/index.ts';
import type { Store, StoreOperations } from '../../store/index.ts';
import type { ChatIncidentActions } from './chat-person.ts';
import type { IncidentFeed } from './incident-feed.ts';

/**
 * The same person actions the API and the dashboard take (store.incidents), told to the channels
 * that heard of the incident in the same transaction, and shown on open dashboards.
 */
export function chatPersonActions(
  store: Store,
  feed: IncidentFeed,
  routing: PersonActionRouting,
): ChatIncidentActions {
  const act = async (
    kind: 'acknowledged' | 'resolved',
    notice: PersonActionNotice,
    run: (tx: StoreOperations) => Promise<Incident>,
  ): Promise<Incident> => {
    const incident = await store.transaction(async (tx) => {
      const changed = await run(tx);
      await announcePersonAction(tx, changed, notice, routing);
      return changed;
    });
    feed.publish({ kind, incident });
    return incident;
  };
  return {
    acknowledge: (serial, by, at) =>
      act('acknowledged', { action: 'ack', by, at }, (tx) => tx.incidents.acknowledge(serial, by, at)),
    resolve: (serial, by, at, why) =>
      act('resolved', { action: 'resolve', by, at, text: why }, (tx) =>
        tx.incidents.resolve(serial, by, at, why),
      ),
  };
}

/** Whether a mapped Klaxon user may act: they must exist, be enabled, and be a responder or admin. */
export function chatUserMayAct(store: Store): (name: string) => Promise<string | undefined> {
  return async (name) => {
    const user = await store.users.get(name);
    if (user === undefined) return 'no such Klaxon user';
    if (user.disabledAt !== undefined) return 'the Klaxon user is disabled';
    return user.role === 'viewer' ? 'a viewer may not act on incidents' : undefined;
  };
}
