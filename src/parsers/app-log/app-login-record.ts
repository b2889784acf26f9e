import type { ForgedAddresses } from '../forged-address-event.ts';
import type { RecordTime } from '../record-parser.ts';
import { utcMillis } from '../utc-millis.ts';

/** A login an application's own log reports, as the app-log readers give it. */
export interface AppLoginRecord extends RecordTime {
  app: string;
  dataset: string;
  outcome: 'failure' | 'success';
  user: string | undefined;
  ip: string;
  reason: string;
  /** A mail server's login (the protocol): a `mail_auth_failure` for the mail rules, not an application's. */
  mail?: string;
}

/** A login line naming more than one client address (see ../forged-address-event.ts). */
export interface AppForgedRecord extends RecordTime, ForgedAddresses {
  app: string;
  dataset: string;
}

/** The application a reader's records are of: `event.module` and `service.name`, and the dataset. */
export interface AppSource {
  app: string;
  dataset: string;
}

/** A login `source`'s log reports, at `time`: an empty user is none. */
export function appLogin(
  source: AppSource,
  time: RecordTime,
  outcome: AppLoginRecord['outcome'],
  user: string | undefined,
  ip: string,
  reason: string,
): AppLoginRecord {
  return { ...time, ...source, outcome, user: user === '' ? undefined : user, ip, reason };
}

/** `text` without the `quote` on either side, when it has both. */
export function withoutQuotes(text: string, quote: string): string {
  return text.length >= 2 && text.startsWith(quote) && text.endsWith(quote) ? text.slice(1, -1) : text;
}

/** What a reader answers for a line of another application's log. */
export const NOT_THIS_APP = '';

/**
 * The time a log writes without a zone, in groups 1-6 of `head` (year, month, day, hour, minute,
 * second) and 7 (the second's fraction, if any), for the zone given to place: NaN for what is no
 * date (see ../utc-millis.ts).
 */
export function wallClockOf(head: RegExpExecArray): RecordTime {
  const n = (index: number) => Number(head[index]);
  const ms = Number((head[7] ?? '').padEnd(3, '0').slice(0, 3));
  return { time: utcMillis(n(1), n(2), n(3), n(4), n(5), n(6), ms), zoned: false };
}
