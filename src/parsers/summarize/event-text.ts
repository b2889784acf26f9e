import type { SecurityEvent } from '../../core/index.ts';
import { getField } from '../../core/index.ts';

/** A field as one line of text; absent, blank and `-` are undefined. Arrays are joined. */
export function text(event: SecurityEvent, path: string): string | undefined {
  const value = getField(event, path);
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(String).join(',');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return undefined;
  const line = value.replace(/\s+/g, ' ').trim();
  return line === '' || line === '-' ? undefined : line;
}

/** `CORP\alice`, or `alice` when the event names no domain. */
export function account(event: SecurityEvent, slot = 'user'): string | undefined {
  const name = text(event, `${slot}.name`);
  if (name === undefined) return undefined;
  const domain = text(event, `${slot}.domain`);
  return domain === undefined || name.includes('\\') ? name : `${domain}\\${name}`;
}

/** `203.0.113.9 (WS-12)`, `203.0.113.9`, `workstation WS-12`, or undefined. */
export function origin(event: SecurityEvent): string | undefined {
  const ip = text(event, 'source.ip');
  const workstation = text(event, 'source.domain');
  if (ip !== undefined) return workstation === undefined ? ip : `${ip} (${workstation})`;
  return workstation === undefined ? undefined : `workstation ${workstation}`;
}

/** `head from X, a, b`: the origin after a space, the details present after commas. */
export function line(head: string, from: string | undefined, details: (string | undefined)[] = []): string {
  const present = details.filter((part): part is string => part !== undefined && part !== '');
  const start = from === undefined ? head : `${head} ${from}`;
  return present.length === 0 ? start : `${start}, ${present.join(', ')}`;
}

export const MAX_SUMMARY = 240;

export function clip(value: string): string {
  const single = value.replace(/\s+/g, ' ').trim();
  return single.length <= MAX_SUMMARY ? single : `${single.slice(0, MAX_SUMMARY - 1)}…`;
}
