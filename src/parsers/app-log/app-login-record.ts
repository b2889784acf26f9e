import type { ForgedAddresses } from '../forged-address-event.ts';
import type { RecordTime } from '../record-parser.ts';

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

/** What a reader answers for a line of another application's log. */
export const NOT_THIS_APP = '';
