import type { SecurityEvent } from '../../core/index.ts';
import { relatedFields } from '../auth-log/related-fields.ts';
import type { HttpAuthFailure } from './http-auth-failure.ts';
import type { WafMatch } from './read-modsecurity.ts';

/**
 * ModSecurity's verdict on a request as an ECS alert: `waf_request_blocked` (`event.type: denied`,
 * the status it answered in `http.response.status_code`) or `waf_rule_matched` (a match it let
 * through: `event.type: info`), `event.category: [intrusion_detection, web]`, `event.module`
 * modsecurity, the rule in `rule.id` and `rule.name` (its message, also `event.reason`), `url.path`,
 * `http.request.id` (the request's unique id, which each of its lines repeats), `source.ip`.
 */
export function buildWafEvent(
  line: string,
  found: HttpAuthFailure,
  waf: WafMatch,
  host: string | undefined,
): SecurityEvent {
  const event: SecurityEvent = {
    '@timestamp': new Date(found.time).toISOString(),
    event: {
      original: line,
      kind: 'alert',
      module: 'modsecurity',
      dataset: `${found.server}.error`,
      category: ['intrusion_detection', 'web'],
      type: waf.blocked ? ['denied'] : ['info'],
      action: waf.blocked ? 'waf_request_blocked' : 'waf_rule_matched',
      reason: found.reason,
    },
    source:
      found.port === undefined
        ? { address: found.ip, ip: found.ip }
        : { address: found.ip, ip: found.ip, port: found.port },
    service: { name: found.server },
    related: relatedFields([], found.ip, host),
  };
  if (waf.ruleId !== undefined || waf.ruleMessage !== undefined)
    event.rule = { ...(waf.ruleId && { id: waf.ruleId }), ...(waf.ruleMessage && { name: waf.ruleMessage }) };
  if (waf.severity !== undefined) event.log = { level: waf.severity };
  if (waf.uri !== undefined) event.url = { path: waf.uri };
  const http: Record<string, unknown> = {};
  if (waf.requestId !== undefined) http.request = { id: waf.requestId };
  if (waf.status !== undefined) http.response = { status_code: waf.status };
  if (Object.keys(http).length > 0) event.http = http;
  if (host !== undefined) event.host = { hostname: host, name: host };
  return event;
}
