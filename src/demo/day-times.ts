import type { Random } from './prng.ts';

/** Syslog shows whole seconds; sshd events are generated on them so the truth matches what is read back. */
export function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/**
 * `count` sorted offsets in [from, to), at least `minGap` apart (fewer when they do not fit):
 * one person's activities never overlap, so their failures and successes stay in order.
 */
export function pickDayOffsets(
  random: Random,
  count: number,
  from: number,
  to: number,
  minGap: number,
): number[] {
  const offsets: number[] = [];
  for (let tries = 0; offsets.length < count && tries < count * 20; tries++) {
    const candidate = from + Math.floor(random.next() * (to - from));
    if (offsets.every((o) => Math.abs(o - candidate) >= minGap)) offsets.push(candidate);
  }
  return offsets.sort((a, b) => a - b);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** An OpenSSH `SHA256:` key fingerprint body (43 base64 characters). */
export function randomKeyFingerprint(random: Random): string {
  let key = '';
  for (let i = 0; i < 43; i++) key += BASE64[random.int(0, 63)];
  return key;
}
