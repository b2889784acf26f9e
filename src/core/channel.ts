import type { z } from 'zod';
import type { Notification } from './notification.ts';

/**
 * Why a delivery did not succeed, as a small fixed set (a metric label):
 * auth (401/403, wrong token), rate_limited (429, flood control), client (other 4xx, bad request),
 * server (5xx), network (DNS, refused, reset), timeout, payload (the message itself was refused:
 * too long, bad markup), config (the channel is configured wrong: chat not found, bot blocked).
 */
export type FailureReason =
  'auth' | 'rate_limited' | 'client' | 'server' | 'network' | 'timeout' | 'payload' | 'config';

/** A delivery outcome; expected failures are values, never exceptions. */
export type SendResult =
  | { kind: 'ok'; providerMessageId?: string }
  /** Try again later: at `retryAt` (epoch ms) when the peer said so (Retry-After, retry_after). */
  | { kind: 'retry'; reason: FailureReason; message: string; retryAt?: number }
  /** Permanent: the outbox dead-letters the notification at once, with `message` as the explanation. */
  | { kind: 'fail'; reason: FailureReason; message: string };

/** What `send` may use; given by the outbox, so tests pass their own. */
export interface SendContext<Config, Secrets> {
  config: Config;
  secrets: Secrets;
  fetch: typeof globalThis.fetch;
  signal: AbortSignal;
  /** Wall clock, epoch ms (for Retry-After dates and signature timestamps). */
  now: () => number;
  /** The notification id: the same on every retry. */
  idempotencyKey: string;
}

/**
 * The channel plug-in contract (one folder per channel, nothing else to touch when adding one):
 * three schemas (config is shown, secrets are write-only), a pure `render`, and `send`, which
 * only classifies the outcome. Channels never loop, sleep or retry: the outbox owns all of that.
 */
export interface ChannelDefinition<Config = unknown, Secrets = unknown, Payload = unknown> {
  /** Lowercase id used in klaxon.yaml `type:` (`telegram`, `email`, `webhook`, ...). */
  type: string;
  /** Non-secret settings; may be shown in the dashboard. */
  configSchema: z.ZodType<Config>;
  /** Tokens, passwords, signing keys, webhook URLs that carry a token: never logged, never shown. */
  secretsSchema: z.ZodType<Secrets>;
  /** Pure: the notification as this channel's payload, within its size limits. No I/O. */
  render(notification: Notification, config: Config): Payload;
  send(payload: Payload, context: SendContext<Config, Secrets>): Promise<SendResult>;
  /**
   * How many notifications may be on their way to the channel at once (default 1: each waits for
   * the one before, so they arrive in order). Those about one incident always go one at a time.
   */
  maxInFlight?: number;
  /**
   * Checks that need config and secrets together, or the server's settings (Kibana's
   * `validate.connector`): each issue names the channel's key it is about. Run at config load.
   */
  checkSettings?(config: Config, secrets: Secrets, server: ChannelServerSettings): ChannelSettingIssue[];
}

/** What a channel's cross-field check may see of `server:`. */
export interface ChannelServerSettings {
  /** `server.public_url`, without a trailing `/`. */
  publicUrl?: string;
}

/** A mistake across a channel's settings, at the key (under the channel) it is about. */
export interface ChannelSettingIssue {
  key: string;
  message: string;
}
