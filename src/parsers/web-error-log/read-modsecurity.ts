import type { HttpAuthFailure } from './http-auth-failure.ts';

/** What ModSecurity, the web application firewall, says of a request it matched a rule on. */
export interface WafMatch {
  /** Whether it refused the request (`Access denied`), or only logged the match (`Warning.`). */
  blocked: boolean;
  /** The status it answered a refused request with (`Access denied with code 403`). */
  status: number | undefined;
  /** The rule's id and message (`942100`, `SQL Injection Attack Detected via libinjection`). */
  ruleId: string | undefined;
  ruleMessage: string | undefined;
  /** The rule's severity as written (`CRITICAL`, or CRS 3's number under nginx: `2`). */
  severity: string | undefined;
  /** The request's path and its id (mod_unique_id's), which every line about the request repeats. */
  uri: string | undefined;
  requestId: string | undefined;
}

const PREFIX = 'ModSecurity: ';
const DENIED = 'Access denied ';
const WARNING = 'Warning. ';
const DENIED_WITH_CODE = /^Access denied with code (\d{3})\b/;
/** Longest value read from a tag. */
const MAX_VALUE = 1024;

/**
 * A ModSecurity line's message (v2 in Apache's error log, v3's connector in nginx's): `ModSecurity:
 * Access denied with code 403 (phase 2). Matched ... [file "..."] [line "..."] [id "942100"] [msg
 * "..."] [data "..."] [severity "CRITICAL"] ... [hostname "..."] [uri "/x"] [unique_id "..."]`, or
 * `ModSecurity: Warning. ...` for a match it let through (a rule that only logs, DetectionOnly); older
 * rule sets write the tags first and the verdict after them.
 * Other ModSecurity lines (its start, audit log errors) are undefined. The tags are read at their
 * first place: ModSecurity escapes the quotes of what the client sent (the matched text before the
 * tags, `data`), so the client's words cannot open a tag of their own before ModSecurity's.
 */
export function readModsecurity(message: string): WafMatch | undefined {
  if (!message.startsWith(PREFIX)) return undefined;
  const text = message.slice(PREFIX.length);
  const verdict = verdictOf(text);
  if (verdict === undefined) return undefined;
  const blocked = verdict.startsWith(DENIED);
  const code = blocked ? DENIED_WITH_CODE.exec(verdict) : null;
  const status = code === null ? undefined : Number(code[1]);
  return {
    blocked,
    status,
    ruleId: tag(text, 'id'),
    ruleMessage: tag(text, 'msg'),
    severity: tag(text, 'severity'),
    uri: tag(text, 'uri'),
    requestId: tag(text, 'unique_id'),
  };
}

/** ModSecurity's verdict, as what a line of the error log says of a request: no user, its path, the rule's message. */
export function wafVerdict(waf: WafMatch): Pick<HttpAuthFailure, 'user' | 'path' | 'reason' | 'waf'> {
  return { user: undefined, path: waf.uri, reason: waf.ruleMessage ?? 'ModSecurity rule matched', waf };
}

/**
 * Where the verdict starts: the message's start, or (older rule sets' layout) after the rule's tags
 * (`[file ...] ... [tag "..."] Access denied with code 403 (phase 2). Pattern match ...`).
 */
function verdictOf(text: string): string | undefined {
  const start = text.trimStart();
  if (start.startsWith(DENIED) || start.startsWith(WARNING)) return start;
  if (!start.startsWith('[')) return undefined;
  const denied = text.indexOf(`] ${DENIED}`);
  const warning = text.indexOf(`] ${WARNING}`);
  const at = denied < 0 ? warning : warning < 0 ? denied : Math.min(denied, warning);
  return at < 0 ? undefined : text.slice(at + 2);
}

/** The value of the first ` [NAME "VALUE"]` tag in `text` (undefined when there is none, or it is empty). */
function tag(text: string, name: string): string | undefined {
  const open = ` [${name} "`;
  const at = text.indexOf(open);
  if (at < 0) return undefined;
  const start = at + open.length;
  const end = text.indexOf('"]', start);
  if (end <= start) return undefined;
  return text.slice(start, Math.min(end, start + MAX_VALUE));
}
