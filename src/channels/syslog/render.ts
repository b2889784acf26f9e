import type { Notification } from '../../core/index.ts';
import { describeNotification } from '../message/index.ts';
import { clipUtf8 } from './clip-text.ts';
import { buildCefCandidates } from './render-cef.ts';
import { buildJsonCandidates } from './render-json.ts';
import { formatSyslogHeader } from './rfc5424.ts';
import { effectiveMaxBytes } from './schema.ts';
import type { SyslogConfig } from './schema.ts';

export interface SyslogPayload {
  /** One RFC 5424 message, without transport framing; at most `max_bytes` in UTF-8. */
  message: string;
}

/**
 * The most detailed version of the message that fits in `max_bytes`; if even the shortest does
 * not (a very long host name, say), its bytes are cut, as RFC 5424 lets a receiver do anyway.
 */
export function renderSyslog(notification: Notification, config: SyslogConfig): SyslogPayload {
  const content = describeNotification(notification);
  const header = formatSyslogHeader(notification, config);
  const candidates =
    config.format === 'cef'
      ? buildCefCandidates(notification, content)
      : buildJsonCandidates(notification, content);
  const limit = effectiveMaxBytes(config);
  const fitting = candidates
    .map((body) => header + body)
    .find((message) => Buffer.byteLength(message, 'utf8') <= limit);
  return { message: fitting ?? clipUtf8(header + candidates[candidates.length - 1], limit) };
}
