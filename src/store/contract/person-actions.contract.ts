import { describe, expect, it } from 'vitest';
import { ConflictError, INCIDENT_STATUSES, INCIDENT_TRANSITIONS, NotFoundError } from '../../core/index.ts';
import type { Incident, IncidentStatus } from '../../core/index.ts';
import type { Store } from '../store.ts';
import { newIncident } from './fixtures.ts';
import type { OpenStore } from './fixtures.ts';

type Action = keyof typeof INCIDENT_TRANSITIONS;

/** Each person action on incident `serial`, by carol at 50 000. */
const ACTIONS: Record<Action, (store: Store, serial: number) => Promise<Incident>> = {
  acknowledge: (store, serial) => store.incidents.acknowledge(serial, 'carol', 50_000, 'looking'),
  assign: (store, serial) => store.incidents.assign(serial, 'dave', 'carol', 50_000),
  note: (store, serial) => store.incidents.note(serial, 'carol', 50_000, 'seen from the VPN too'),
  resolve: (store, serial) => store.incidents.resolve(serial, 'carol', 50_000, 'blocked'),
  reopen: (store, serial) => store.incidents.reopen(serial, 'carol', 50_000, 'it came back'),
};

/** What each allowed action leaves on the incident. */
const EFFECTS: Record<Action, Partial<Incident>> = {
  acknowledge: { status: 'acknowledged', acknowledgedBy: 'carol', acknowledgedAt: 50_000 },
  assign: { assignee: 'dave' },
  note: {},
  resolve: { status: 'resolved', resolvedBy: 'carol', resolvedAt: 50_000, resolution: 'blocked' },
  reopen: {
    status: 'open',
    resolvedBy: undefined,
    resolvedAt: undefined,
    resolution: undefined,
    quietSince: 50_000,
  },
};

/** Opens incident #1 and brings it to `status` (alice acknowledges, bob resolves). */
async function incidentIn(store: Store, status: IncidentStatus): Promise<Incident> {
  const opened = await store.incidents.open(newIncident());
  if (status === 'acknowledged') return store.incidents.acknowledge(opened.serial, 'alice', 10_000);
  if (status === 'resolved') return store.incidents.resolve(opened.serial, 'bob', 10_000, 'fixed');
  return opened;
}

const REFUSALS: Record<IncidentStatus, string> = {
  open: '',
  acknowledged: 'incident #1 is already acknowledged by alice',
  resolved: 'incident #1 is already resolved',
};

export function describePersonActionContract(open: OpenStore): void {
  describe('person actions follow the incident transitions', () => {
    for (const action of Object.keys(ACTIONS) as Action[]) {
      for (const status of INCIDENT_STATUSES) {
        const allowed = INCIDENT_TRANSITIONS[action].includes(status);
        it(`${allowed ? 'allows' : 'refuses'} ${action} on ${status === 'resolved' ? 'a' : 'an'} ${status} incident`, async () => {
          const store = await open();
          const before = await incidentIn(store, status);
          const trailBefore = await store.incidents.history(1);
          if (allowed) {
            const after = await ACTIONS[action](store, 1);
            expect(after).toEqual({ ...before, ...EFFECTS[action] });
            expect(await store.incidents.get(1)).toEqual(after);
            expect(await store.incidents.history(1)).toHaveLength(trailBefore.length + 1);
          } else {
            const refusal = ACTIONS[action](store, 1);
            await expect(refusal).rejects.toBeInstanceOf(ConflictError);
            const reason = action === 'reopen' ? `incident #1 is ${status}, not resolved` : REFUSALS[status];
            await expect(refusal).rejects.toThrow(reason || `cannot ${action}`);
            expect(await store.incidents.get(1)).toEqual(before);
            expect(await store.incidents.history(1)).toEqual(trailBefore);
          }
        });
      }
      it(`answers ${action} on an unknown serial with NotFoundError`, async () => {
        const store = await open();
        await store.incidents.open(newIncident());
        const refusal = ACTIONS[action](store, 42);
        await expect(refusal).rejects.toBeInstanceOf(NotFoundError);
        await expect(refusal).rejects.toThrow('incident #42 does not exist');
      });
    }

    it('says "incident #1 is already resolved" to a second resolution', async () => {
      const store = await open();
      await incidentIn(store, 'resolved');
      await expect(store.incidents.resolve(1, 'carol', 60_000, 'again')).rejects.toThrow(
        /^incident #1 is already resolved$/,
      );
    });
  });

  describe('audit trail', () => {
    it('records who did what and when, oldest first, notes included', async () => {
      const store = await open();
      const input = newIncident({ count: 5, openedAt: 5_000 });
      await store.incidents.open(input);
      await store.incidents.progress(input.episodeId, {
        count: 7,
        firstSeen: 1_000,
        lastSeen: 6_000,
        samples: [],
      });
      await store.incidents.acknowledge(1, 'alice', 100_000, 'on it');
      // Later count updates fold into one line, kept after the people's actions so far.
      for (const [count, lastSeen] of [
        [9, 101_000],
        [12, 105_000],
      ] as const)
        await store.incidents.progress(input.episodeId, { count, firstSeen: 1_000, lastSeen, samples: [] });
      await store.incidents.assign(1, 'dave', 'alice', 110_000);
      await store.incidents.note(1, 'dave', 120_000, 'same source hit the VPN');
      await store.incidents.resolve(1, 'dave', 130_000, 'blocked at the edge');
      await store.incidents.note(1, 'erin', 140_000, 'confirmed no login succeeded');
      expect(await store.incidents.history(1)).toEqual([
        { serial: 1, at: 5_000, actor: 'klaxon', action: 'opened', detail: '5 events' },
        { serial: 1, at: 100_000, actor: 'alice', action: 'acknowledged', detail: 'on it' },
        {
          serial: 1,
          at: 105_000,
          actor: 'klaxon',
          action: 'updated',
          detail: '12 events, last at 1970-01-01T00:01:45.000Z',
        },
        { serial: 1, at: 110_000, actor: 'alice', action: 'assigned', detail: 'dave' },
        { serial: 1, at: 120_000, actor: 'dave', action: 'noted', detail: 'same source hit the VPN' },
        { serial: 1, at: 130_000, actor: 'dave', action: 'resolved', detail: 'blocked at the edge' },
        { serial: 1, at: 140_000, actor: 'erin', action: 'noted', detail: 'confirmed no login succeeded' },
      ]);
    });

    it('records an acknowledgement without a note with no detail', async () => {
      const store = await open();
      await store.incidents.open(newIncident());
      await store.incidents.acknowledge(1, 'alice', 100_000);
      expect((await store.incidents.history(1))[1]).toEqual({
        serial: 1,
        at: 100_000,
        actor: 'alice',
        action: 'acknowledged',
      });
    });

    it('records the engine resolving an episode', async () => {
      const store = await open();
      const input = newIncident();
      await store.incidents.open(input);
      await store.incidents.resolveEpisode(input.episodeId, 900_000, {
        count: 6,
        firstSeen: 1_000,
        lastSeen: 7_000,
        samples: [],
      });
      // The events since the last update written get their count line first, as an update would have.
      expect((await store.incidents.history(1)).slice(1)).toMatchObject([
        {
          at: 7_000,
          actor: 'klaxon',
          action: 'updated',
          detail: '6 events, last at 1970-01-01T00:00:07.000Z',
        },
        { at: 900_000, actor: 'klaxon', action: 'resolved' },
      ]);
    });

    it('keeps the trails of incidents apart', async () => {
      const store = await open();
      await store.incidents.open(newIncident());
      await store.incidents.open(newIncident());
      await store.incidents.note(2, 'alice', 1, 'only on two');
      expect((await store.incidents.history(1)).map((entry) => entry.action)).toEqual(['opened']);
      expect((await store.incidents.history(2)).map((entry) => entry.action)).toEqual(['opened', 'noted']);
    });

    it('answers the history of an unknown serial with NotFoundError', async () => {
      const store = await open();
      await expect(store.incidents.history(7)).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
