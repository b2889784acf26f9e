import type { EcsEventFields, SecurityEvent } from '../../core/index.ts';
import { isObject } from '../../core/index.ts';
import { EVENT_MAPPINGS } from './event-mappings.ts';
import { enrichOtherProvider } from './enrich-other-providers.ts';
import { isBlankValue } from './fill-field.ts';

export const SECURITY_AUDITING_PROVIDER = 'Microsoft-Windows-Security-Auditing';

const NO_EVENT_DATA: Record<string, unknown> = Object.freeze({});

/**
 * Completes a Windows Security event (Winlogbeat/ECS document) in place, as Winlogbeat's
 * security module would: ECS categorisation, outcome, user, source, logon type and failure
 * details for the logon and credential events in EVENT_MAPPINGS, and SQL Server and Remote
 * Desktop logon events (enrich-other-providers.ts). Values the document already
 * has win; `-` counts as absent. Other event codes and non-Windows documents are left as they are.
 */
export function enrichWindowsEvent(event: SecurityEvent): void {
  const fields = event.event;
  const winlog = isObject(event.winlog) ? event.winlog : undefined;
  const code = readEventCode(fields, winlog);
  if (code === undefined) return;
  const data = winlog !== undefined && isObject(winlog.event_data) ? winlog.event_data : NO_EVENT_DATA;
  if (enrichOtherProvider(event, fields.provider ?? winlog?.provider_name, code, winlog, data)) {
    fields.code = code;
    return;
  }
  const mapping = EVENT_MAPPINGS.get(code);
  if (mapping === undefined || !isSecurityAuditing(fields, winlog)) return;

  fields.code = code;
  if (isBlankValue(fields.category)) fields.category = mapping.category.slice();
  if (isBlankValue(fields.type)) fields.type = mapping.type.slice();
  if (isBlankValue(fields.action)) fields.action = mapping.action;
  if (isBlankValue(fields.module)) fields.module = 'security';
  mapping.map(event, data);
  if (isBlankValue(fields.outcome)) {
    const outcome = typeof mapping.outcome === 'function' ? mapping.outcome(data) : mapping.outcome;
    if (outcome !== undefined) fields.outcome = outcome;
    else if (fields.outcome !== undefined) delete fields.outcome;
  }
}

/** event.code, or winlog.event_id when event.code is missing; numbers become strings (ECS keyword). */
function readEventCode(
  fields: EcsEventFields,
  winlog: Record<string, unknown> | undefined,
): string | undefined {
  const code = isBlankValue(fields.code) ? winlog?.event_id : fields.code;
  if (typeof code === 'string') return code;
  if (typeof code === 'number') return String(code);
  return undefined;
}

/** Security event ids are only meaningful from the Security-Auditing provider (or a winlog document that names none). */
function isSecurityAuditing(fields: EcsEventFields, winlog: Record<string, unknown> | undefined): boolean {
  const provider = fields.provider ?? winlog?.provider_name;
  if (provider === undefined) return winlog !== undefined;
  return provider === SECURITY_AUDITING_PROVIDER;
}
