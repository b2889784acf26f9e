import type { SecurityEvent } from '../../core/index.ts';
import { buildAppLoginEvent } from '../login-failure-event.ts';
import { normalizeIp } from '../sshd/parse-address.ts';

/** A login Drupal's syslog module reports (watchdog type `user`). */
export interface DrupalLogin {
  outcome: 'failure' | 'success';
  user: string | undefined;
  ip: string;
  reason: string;
}

/**
 * Drupal's syslog line (its default format `!base_url|!timestamp|!type|!ip|!request_uri|!referer|
 * !uid|!link|!message`): the site, the time, the type and the client's address come first, written by
 * Drupal; the request and the referrer after them are the client's.
 */
const HEAD = /^https?:\/\/[^|\s]{1,512}\|\d{1,12}\|user\|([0-9A-Fa-f:.]{2,45})\|/;

/** The user type's messages that tell a login, the last field of the line. */
const MESSAGES: readonly (readonly [string, DrupalLogin['outcome'], string])[] = [
  ['|Login attempt failed for ', 'failure', 'login attempt failed'],
  // Flood control: the address made too many failed attempts and is refused without a check.
  ['|Login attempt failed from ', 'failure', 'too many failed login attempts'],
  ['|Session opened for ', 'success', 'session opened'],
];

/** Whether the message at `start` may be Drupal's (no string is made): the test for programs otherwise skipped. */
export function mayBeDrupalWatchdog(text: string, start: number): boolean {
  return text.startsWith('http', start) && text.includes('|user|', start);
}

/**
 * A Drupal login in its syslog message: `...|user|ADDR|...|Login attempt failed for U.`, `Login attempt
 * failed from ADDR.` (flood control's refusal), `Session opened for U.`; undefined for any other. Its
 * syslog name is the site's (`drupal` unless set), so the message says it is Drupal's. The address is
 * Drupal's field; the message is read from the last of its known starts, after the client's request
 * and referrer (which may hold `|` and those words).
 */
export function matchDrupalWatchdog(message: string): DrupalLogin | undefined {
  const head = HEAD.exec(message);
  const ip = head === null ? undefined : normalizeIp(head[1] as string);
  if (head === null || ip === undefined) return undefined;
  let found: (typeof MESSAGES)[number] | undefined;
  let at = -1;
  for (const known of MESSAGES) {
    const index = message.lastIndexOf(known[0]);
    if (index > at) [found, at] = [known, index];
  }
  if (found === undefined || at < head[0].length - 1) return undefined;
  const named = message.slice(at + found[0].length).replace(/\.\s*$/, '');
  const user = found[0] === '|Login attempt failed from ' || named === '' ? undefined : named;
  return { outcome: found[1], user, ip, reason: found[2] };
}

/** A Drupal login as an application's login event (`service.name: drupal`), which the application rules count. */
export function mapDrupalLogin(line: string, login: DrupalLogin, time: number, host?: string): SecurityEvent {
  return buildAppLoginEvent(line, { app: 'drupal', dataset: 'drupal.watchdog', ...login }, time, host);
}
