import { isObject } from '../../core/index.ts';
import { SECURITY_AUDITING_PROVIDER } from './enrich-windows-event.ts';
import { isNxlogWindowsDocument } from './nxlog-document.ts';

/**
 * Whether a parsed (not yet dot-expanded) JSON document is a Windows event as Winlogbeat writes
 * it (a `winlog` object, dotted `winlog.*` keys, or the Security-Auditing provider) or as NXLog
 * writes it (flat, `EventID` beside `SourceName` or `Channel`).
 */
export function looksLikeWinlogbeat(doc: Record<string, unknown>): boolean {
  if (isObject(doc.winlog)) return true;
  const event = doc.event;
  if (isObject(event) && event.provider === SECURITY_AUDITING_PROVIDER) return true;
  if (doc['event.provider'] === SECURITY_AUDITING_PROVIDER) return true;
  for (const key in doc) {
    if (key.startsWith('winlog.')) return true;
  }
  return isNxlogWindowsDocument(doc);
}
