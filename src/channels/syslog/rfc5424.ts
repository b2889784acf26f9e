import type { Notification } from '../../core/index.ts';
import { clipText } from './clip-text.ts';
import { FACILITIES } from './schema.ts';
import type { SyslogConfig } from './schema.ts';
import { syslogSeverity } from './severity.ts';

/** Private enterprise number 32473 is the one RFC 5612 reserves for examples and documentation. */
export const SD_ID = 'klaxon@32473';
const SD_VALUE_CHARS = 64;

/**
 * `<PRI>1 TIMESTAMP HOSTNAME APP-NAME - MSGID [klaxon@32473 ...] ` — everything before MSG.
 * MSGID is the notification kind; the structured data carries the ids a SIEM correlates on.
 * No BOM before MSG: several collectors pass it through into the JSON or CEF text.
 */
export function formatSyslogHeader(notification: Notification, config: SyslogConfig): string {
  const pri = FACILITIES[config.facility] * 8 + syslogSeverity(notification);
  const time = new Date(notification.createdAt).toISOString();
  const params: [string, string][] = [
    ['id', notification.id],
    ['channel', notification.channel],
    ['sequence', String(notification.sequence)],
  ];
  if (notification.incident) {
    params.push(
      ['serial', String(notification.incident.serial)],
      ['priority', notification.incident.priority],
    );
  }
  const data = params.map(([name, value]) => `${name}="${escapeParamValue(value)}"`).join(' ');
  return `<${pri}>1 ${time} ${config.hostname} ${config.app_name} - ${notification.kind} [${SD_ID} ${data}] `;
}

/** RFC 5424 §6.3.3: `"`, `\` and `]` are escaped with a backslash; controls become spaces. */
function escapeParamValue(value: string): string {
  return (
    clipText(value, SD_VALUE_CHARS)
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001F\u007F]/g, ' ')
      .replace(/["\\\]]/g, (char) => `\\${char}`)
  );
}
