import { createHash } from 'node:crypto';

/** Turns the deterministic key of a notification into its id. */
export type MakeNotificationId = (key: string) => string;

/**
 * `ntf_` and 22 base64url characters (132 bits) of the SHA-256 of the key. Hashed rather than
 * spelled out because receivers see the id (`webhook-id`) and the key holds the episode id,
 * which names the address or user: a `link`-level channel must not learn them from it.
 */
export function hashNotificationId(key: string): string {
  return `ntf_${createHash('sha256').update(key).digest('base64url').slice(0, 22)}`;
}

/** An unambiguous key from parts that may themselves hold any separator. */
export function joinIdKey(parts: readonly (string | number)[]): string {
  return JSON.stringify(parts);
}
