import type { Kysely } from 'kysely';
import type { OutboxFailureReason } from './outbox.ts';
import type { OutboxDatabase } from './outbox-schema.ts';

/** Keeps the channel's latest success; an older one reported late does not replace it. */
export async function recordChannelSent(
  trx: Kysely<OutboxDatabase>,
  channel: string,
  at: number,
): Promise<void> {
  await trx
    .insertInto('outbox_channels')
    .values({ channel, last_sent_at: at })
    .onConflict((oc) =>
      oc
        .column('channel')
        .doUpdateSet((eb) => ({ last_sent_at: eb.ref('excluded.last_sent_at') }))
        .where((eb) =>
          eb.or([
            eb('outbox_channels.last_sent_at', 'is', null),
            eb('outbox_channels.last_sent_at', '<=', eb.ref('excluded.last_sent_at')),
          ]),
        ),
    )
    .execute();
}

/** Keeps the channel's latest failure with its reason and message. */
export async function recordChannelFailure(
  trx: Kysely<OutboxDatabase>,
  channel: string,
  failure: { at: number; reason: OutboxFailureReason; message: string },
): Promise<void> {
  await trx
    .insertInto('outbox_channels')
    .values({
      channel,
      last_failed_at: failure.at,
      last_failed_reason: failure.reason,
      last_failed_message: failure.message,
    })
    .onConflict((oc) =>
      oc
        .column('channel')
        .doUpdateSet((eb) => ({
          last_failed_at: eb.ref('excluded.last_failed_at'),
          last_failed_reason: eb.ref('excluded.last_failed_reason'),
          last_failed_message: eb.ref('excluded.last_failed_message'),
        }))
        .where((eb) =>
          eb.or([
            eb('outbox_channels.last_failed_at', 'is', null),
            eb('outbox_channels.last_failed_at', '<=', eb.ref('excluded.last_failed_at')),
          ]),
        ),
    )
    .execute();
}
