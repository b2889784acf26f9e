import { randomUUID } from 'node:crypto';
import type { Notification } from '../../core/index.ts';
import type { Store } from '../store.ts';

export type NewNotification = Omit<Notification, 'sequence'>;

export function newNotification(
  channel = 'soc-telegram',
  overrides: Partial<NewNotification> = {},
): NewNotification {
  return {
    id: randomUUID(),
    kind: 'test',
    channel,
    detail: 'full',
    text: 'Klaxon test message',
    createdAt: 1_000,
    ...overrides,
  };
}

export function notificationsFor(channel: string, count: number): NewNotification[] {
  return Array.from({ length: count }, () => newNotification(channel));
}

/** Enqueues one notification at `at` and returns its id. */
export async function enqueueOne(store: Store, channel: string, at: number): Promise<string> {
  const [queued] = await store.outbox.enqueue([newNotification(channel)], at);
  if (queued === undefined) throw new Error('enqueue returned nothing');
  return queued.id;
}

/** Sequence numbers per channel, sorted, as the outbox holds them. */
export async function sequencesByChannel(store: Store): Promise<Record<string, number[]>> {
  const byChannel: Record<string, number[]> = {};
  for (const entry of await store.outbox.list()) {
    (byChannel[entry.notification.channel] ??= []).push(entry.notification.sequence);
  }
  for (const sequences of Object.values(byChannel)) sequences.sort((a, b) => a - b);
  return byChannel;
}

export function oneTo(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}
