import type { SecurityEvent } from '../../core/index.ts';
import { account, clip, line, origin, text } from './event-text.ts';
import { isWindowsEvent, summarizeWindows } from './summarize-windows.ts';

/**
 * One line a person can read for an evidence event, from its fields: the account, the origin,
 * what happened and why. Windows events by event id; sshd and other syslog programs by their
 * message text (already one readable line); application events from their ECS fields. The raw
 * record stays in event.original, for whoever asks for it.
 */
export function summarizeEvent(event: SecurityEvent): string {
  if (isWindowsEvent(event)) {
    const windows = summarizeWindows(event);
    if (windows !== undefined) return clip(windows);
    return clip(summarizeOtherWindows(event));
  }
  const message = text(event, 'message');
  if (message !== undefined && isSyslogProgram(event)) return clip(message);
  return clip(summarizeFields(event) ?? message ?? text(event, 'event.original') ?? '(no fields)');
}

/** `login failure for alice from 1.2.3.4 on /login` from event.action/outcome, user, source, url. */
function summarizeFields(event: SecurityEvent): string | undefined {
  const action = text(event, 'event.action');
  if (action === undefined) return undefined;
  const outcome = text(event, 'event.outcome');
  const user = account(event);
  const where = origin(event);
  const path = text(event, 'url.path');
  return [
    action.replace(/[_-]+/g, ' '),
    outcome,
    user && `for ${user}`,
    where && `from ${where}`,
    path && `on ${path}`,
    text(event, 'event.reason') && `(${text(event, 'event.reason')})`,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
}

// A Windows event with no dedicated line: its id and what it is, then the usual fields.
function summarizeOtherWindows(event: SecurityEvent): string {
  const code = text(event, 'event.code') ?? text(event, 'winlog.event_id') ?? '?';
  const what = text(event, 'event.action') ?? text(event, 'winlog.provider_name') ?? 'Windows event';
  const user = account(event);
  const where = origin(event);
  const head = user === undefined ? `${code} ${what}` : `${code} ${what}: ${user}`;
  return line(head, where && `from ${where}`, [text(event, 'event.reason')]);
}

// sshd and other programs that log through syslog: their message is already the readable line.
function isSyslogProgram(event: SecurityEvent): boolean {
  return text(event, 'event.module') === 'system' || text(event, 'event.action')?.startsWith('ssh_') === true;
}
