import type { Notification, SendResult } from '../core/index.ts';
import type { ConfiguredChannel } from './dispatcher.ts';

export interface SendOptions {
  now: () => number;
  fetch?: typeof globalThis.fetch;
  /** How long the send may take before it counts as a timeout (default 10 s). */
  timeoutMs?: number;
}

/**
 * Renders a notification for its channel and sends it once. A renderer or channel that throws
 * is a bug; it is reported as a permanent failure rather than crashing the caller.
 */
export async function sendNotification(
  channel: ConfiguredChannel,
  notification: Notification,
  options: SendOptions,
): Promise<SendResult> {
  try {
    const payload: unknown = channel.definition.render(notification, channel.config);
    return await channel.definition.send(payload, {
      config: channel.config,
      secrets: channel.secrets,
      fetch: options.fetch ?? globalThis.fetch,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      now: options.now,
      idempotencyKey: notification.id,
    });
  } catch (error) {
    return {
      kind: 'fail',
      reason: 'payload',
      message: `channel ${channel.name} failed unexpectedly: ${(error as Error).message}`,
    };
  }
}
