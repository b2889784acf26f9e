import type { Notification } from '../../core/index.ts';
import { describeNotification } from '../message/index.ts';
import { fitContent } from './fit-content.ts';
import { renderEmailHtml } from './render-html.ts';
import { renderEmailText } from './render-text.ts';
import { clipLine, sanitizeLine } from './sanitize-text.ts';
import type { EmailConfig } from './schema.ts';

export interface EmailPayload {
  /** `[P1] #42 SSH brute force from one address (opened)`. */
  subject: string;
  /**
   * Set when the message goes out OpenPGP-encrypted: the only subject visible in transit; the
   * real one travels inside the encrypted part.
   */
  neutralSubject?: string;
  text: string;
  html: string;
  /**
   * Every mail about one incident is one thread: the opening mail's Message-ID is made from `key`
   * (`<incident-42@host>`), and every later one answers it (`In-Reply-To`, `References`).
   */
  thread?: { key: string; first: boolean };
}

const SUBJECT_CHARS = 200;

export function renderEmail(notification: Notification, config: EmailConfig): EmailPayload {
  const described = describeNotification(notification);
  const content = fitContent(described);
  return {
    subject: toSubject(sanitizeLine(described.title)),
    ...(config.pgp_public_keys && { neutralSubject: neutralSubject(notification) }),
    text: renderEmailText(content),
    html: renderEmailHtml(content),
    ...(notification.incident && {
      thread: {
        key: `incident-${notification.incident.serial}`,
        first: notification.kind === 'opened' || notification.kind === 'flapping-started',
      },
    }),
  };
}

/** The shared title with its status in parentheses, as mail subjects usually read; the status survives clipping. */
function toSubject(title: string): string {
  const dash = title.lastIndexOf(' — ');
  if (dash < 0) return clipLine(title, SUBJECT_CHARS);
  const status = ` (${clipLine(title.slice(dash + 3), 60)})`;
  return `${clipLine(title.slice(0, dash), SUBJECT_CHARS - status.length)}${status}`;
}

function neutralSubject(notification: Notification): string {
  return notification.incident
    ? `Klaxon notification #${notification.incident.serial}`
    : 'Klaxon notification';
}
