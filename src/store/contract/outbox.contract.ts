import { describe, expect, it } from 'vitest';
import { ConflictError, InputError, NotFoundError } from '../../core/index.ts';
import { newIncident } from './fixtures.ts';
import type { OpenStore } from './fixtures.ts';
import { describeOutboxConcurrencyContract } from './outbox-concurrency.contract.ts';
import { enqueueOne, newNotification, notificationsFor, sequencesByChannel } from './outbox-fixtures.ts';
import { describeOutboxViewContract } from './outbox-views.contract.ts';

export function describeOutboxContract(open: OpenStore): void {
  describe('outbox last delivery per incident', () => {
    it('gives each incident the time its latest notification was delivered, ignoring undelivered ones', async () => {
      const store = await open();
      const first = await store.incidents.open(newIncident());
      const second = await store.incidents.open(newIncident());
      const silent = await store.incidents.open(newIncident());
      const sent = [
        newNotification('tg', { kind: 'opened', incident: first }),
        newNotification('mail', { kind: 'opened', incident: first }),
        newNotification('tg', { kind: 'opened', incident: second }),
      ];
      const pending = newNotification('tg', { kind: 'updated', incident: silent });
      await store.outbox.enqueue([...sent, pending], 1_000);
      await store.outbox.claim('tg', 'w', 1_500, 10, 60_000);
      await store.outbox.claim('mail', 'w', 1_500, 10, 60_000);
      await store.outbox.markRetry(pending.id, 9_000, 'server', 'HTTP 503');
      await store.outbox.markSent(sent[0]!.id, 2_000);
      await store.outbox.markSent(sent[1]!.id, 3_000);
      await store.outbox.markSent(sent[2]!.id, 2_500);
      const last = await store.outbox.lastSent([first.serial, second.serial, silent.serial]);
      expect(Object.fromEntries(last)).toEqual({ [first.serial]: 3_000, [second.serial]: 2_500 });
      expect((await store.outbox.lastSent([])).size).toBe(0);
    });
  });

  describe('outbox enqueue', () => {
    it('numbers each channel 1, 2, 3 ... in the order given and returns the notifications with them', async () => {
      const store = await open();
      const input = ['tg', 'mail', 'tg', 'tg', 'mail'].map((channel) => newNotification(channel));
      const queued = await store.outbox.enqueue(input, 5_000);
      expect(queued).toEqual(input.map((n, i) => ({ ...n, sequence: [1, 1, 2, 3, 2][i] })));
      const [next] = await store.outbox.enqueue([newNotification('tg')], 6_000);
      expect(next?.sequence).toBe(4);
    });

    it('keeps the notification whole, incident with real evidence included, pending and due at once', async () => {
      const store = await open();
      const incident = await store.incidents.open(newIncident());
      const input = newNotification('tg', {
        kind: 'opened',
        incident,
        dashboardUrl: 'https://k.example/i/1',
      });
      await store.outbox.enqueue([input], 5_000);
      expect(await store.outbox.get(input.id)).toEqual({
        notification: { ...input, sequence: 1 },
        state: 'pending',
        attempts: 0,
        nextAttemptAt: 5_000,
        createdAt: 5_000,
      });
      expect(await store.outbox.get('no-such-id')).toBeUndefined();
    });

    it('refuses an id already in the outbox, writes nothing and uses up no number', async () => {
      const store = await open();
      const first = newNotification('tg');
      await store.outbox.enqueue([first], 1);
      const again = store.outbox.enqueue([newNotification('tg'), first], 2);
      await expect(again).rejects.toBeInstanceOf(ConflictError);
      await expect(again).rejects.toThrow(`notification ${first.id} is already in the outbox`);
      await expect(store.outbox.enqueue([first, first], 2)).rejects.toBeInstanceOf(InputError);
      expect((await store.outbox.enqueue([newNotification('tg')], 3))[0]?.sequence).toBe(2);
    });

    it('enqueues nothing for an empty list', async () => {
      const store = await open();
      expect(await store.outbox.enqueue([], 1)).toEqual([]);
      expect(await store.outbox.list()).toEqual([]);
    });

    it('lands with the incident change in one transaction; a rollback leaves no entry and no gap', async () => {
      const store = await open();
      const failed = store.transaction(async (tx) => {
        await tx.incidents.open(newIncident());
        await tx.outbox.enqueue(notificationsFor('tg', 3), 1);
        throw new Error('abandon');
      });
      await expect(failed).rejects.toThrow('abandon');
      expect(await store.outbox.list()).toEqual([]);
      await store.transaction(async (tx) => {
        await tx.incidents.open(newIncident());
        await tx.outbox.enqueue(notificationsFor('tg', 2), 2);
      });
      expect(await sequencesByChannel(store)).toEqual({ tg: [1, 2] });
      expect((await store.incidents.list()).map((incident) => incident.serial)).toEqual([1]);
    });
  });

  describe('outbox claims', () => {
    it('claims due entries lowest sequence first, up to the limit, leased to the worker', async () => {
      const store = await open();
      await store.outbox.enqueue(notificationsFor('tg', 3), 1_000);
      const first = await store.outbox.claim('tg', 'w1', 1_000, 2, 30_000);
      expect(first.map((entry) => entry.notification.sequence)).toEqual([1, 2]);
      expect(first[0]).toMatchObject({
        state: 'sending',
        attempts: 1,
        claimedBy: 'w1',
        claimedUntil: 31_000,
        nextAttemptAt: 31_000,
      });
      expect(
        (await store.outbox.claim('tg', 'w2', 1_000, 5, 30_000)).map((e) => e.notification.sequence),
      ).toEqual([3]);
      expect(await store.outbox.claim('tg', 'w2', 30_999, 5, 30_000)).toEqual([]);
    });

    it("claims neither an entry before it is due nor another channel's", async () => {
      const store = await open();
      await enqueueOne(store, 'tg', 5_000);
      expect(await store.outbox.claim('tg', 'w1', 4_999, 5, 1_000)).toEqual([]);
      expect(await store.outbox.claim('mail', 'w1', 5_000, 5, 1_000)).toEqual([]);
      expect(await store.outbox.claim('tg', 'w1', 5_000, 5, 1_000)).toHaveLength(1);
    });

    it('hands an entry whose lease ended (a crashed dispatcher) to the next claimer', async () => {
      const store = await open();
      const id = await enqueueOne(store, 'tg', 1_000);
      await store.outbox.claim('tg', 'crashed', 1_000, 5, 1_000);
      expect(await store.outbox.claim('tg', 'w2', 1_999, 5, 1_000)).toEqual([]);
      const [reclaimed] = await store.outbox.claim('tg', 'w2', 2_000, 5, 1_000);
      expect(reclaimed).toMatchObject({
        state: 'sending',
        attempts: 2,
        claimedBy: 'w2',
        claimedUntil: 3_000,
      });
      expect(reclaimed?.notification.id).toBe(id);
    });

    it('claims nothing for a limit of 0 and refuses a negative limit or an empty lease', async () => {
      const store = await open();
      await enqueueOne(store, 'tg', 1);
      expect(await store.outbox.claim('tg', 'w1', 1, 0, 1_000)).toEqual([]);
      await expect(store.outbox.claim('tg', 'w1', 1, -1, 1_000)).rejects.toBeInstanceOf(InputError);
      await expect(store.outbox.claim('tg', 'w1', 1, 1, 0)).rejects.toBeInstanceOf(InputError);
    });
  });

  describe('outbox delivery reports', () => {
    it('marks a sent entry with its time and provider id, releases it, and never claims it again', async () => {
      const store = await open();
      const id = await enqueueOne(store, 'tg', 1_000);
      await store.outbox.claim('tg', 'w1', 1_000, 1, 500);
      await store.outbox.markSent(id, 1_200, 'msg-77');
      const sent = await store.outbox.get(id);
      expect(sent).toMatchObject({ state: 'sent', sentAt: 1_200, providerMessageId: 'msg-77', attempts: 1 });
      expect(sent?.claimedBy).toBeUndefined();
      expect(await store.outbox.claim('tg', 'w2', 99_000, 5, 500)).toEqual([]);
    });

    it('puts a failed attempt back as pending at the given time, dated when the attempt started', async () => {
      const store = await open();
      const id = await enqueueOne(store, 'tg', 1_000);
      await store.outbox.claim('tg', 'w1', 2_000, 1, 500);
      await store.outbox.markRetry(id, 62_000, 'rate_limited', 'Too Many Requests: retry after 60');
      expect(await store.outbox.get(id)).toMatchObject({
        state: 'pending',
        attempts: 1,
        nextAttemptAt: 62_000,
        lastError: 'Too Many Requests: retry after 60',
        lastReason: 'rate_limited',
        lastFailedAt: 2_000,
      });
      expect(await store.outbox.claim('tg', 'w1', 61_999, 1, 500)).toEqual([]);
      expect((await store.outbox.claim('tg', 'w1', 62_000, 1, 500))[0]?.attempts).toBe(2);
    });

    it('dead-letters a sending or a pending entry and never claims it again', async () => {
      const store = await open();
      const [sending, pending] = [await enqueueOne(store, 'tg', 1), await enqueueOne(store, 'tg', 9_000)];
      await store.outbox.claim('tg', 'w1', 1, 1, 500);
      await store.outbox.markDead(sending, 100, 'config', 'chat not found');
      await store.outbox.markDead(pending, 200, 'config', 'chat not found');
      expect(await store.outbox.get(sending)).toMatchObject({
        state: 'dead',
        lastFailedAt: 100,
        lastReason: 'config',
      });
      expect((await store.outbox.get(pending))?.state).toBe('dead');
      expect(await store.outbox.claim('tg', 'w1', 99_000, 5, 500)).toEqual([]);
    });

    it('refuses reports about entries that are not being sent, and about unknown ids', async () => {
      const store = await open();
      const id = await enqueueOne(store, 'tg', 1);
      await expect(store.outbox.markSent(id, 2)).rejects.toThrow(
        `cannot mark sent outbox entry ${id}: it is pending, not sending`,
      );
      await expect(store.outbox.markRetry(id, 2, 'server', 'x')).rejects.toBeInstanceOf(ConflictError);
      await store.outbox.claim('tg', 'w1', 1, 1, 500);
      await store.outbox.markSent(id, 2);
      await expect(store.outbox.markSent(id, 3)).rejects.toBeInstanceOf(ConflictError);
      await expect(store.outbox.markDead(id, 3, 'client', 'x')).rejects.toThrow(
        'it is sent, not pending or sending',
      );
      await expect(store.outbox.markSent('nope', 3)).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.outbox.markDead('nope', 3, 'client', 'x')).rejects.toThrow(
        'outbox entry nope does not exist',
      );
      expect(await store.outbox.get(id)).toMatchObject({ state: 'sent', sentAt: 2 });
    });
  });

  describeOutboxViewContract(open);
  describeOutboxConcurrencyContract(open);
}
