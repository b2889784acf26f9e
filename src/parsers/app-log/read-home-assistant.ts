import { isHostName, normalizeIp } from '../sshd/parse-address.ts';
import type { AppLoginRecord } from './app-login-record.ts';
import { appLogin, NOT_THIS_APP, wallClockOf } from './app-login-record.ts';

export const HOME_ASSISTANT_LINE_UNUSED = 'home-assistant-line-unused';
const HOME_ASSISTANT = { app: 'home-assistant', dataset: 'home_assistant.log' };

/** `2024-03-04 10:00:01.123 WARNING (MainThread) [homeassistant.components.http.ban] ` (the ban module). */
const HEAD =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? [A-Z]{4,8} \([^()]{1,64}\) \[homeassistant\.components\.http\.ban\] /;
/**
 * `Login attempt or request with invalid authentication from HOST (ADDR).`: HOST is the address's
 * reverse name (or the address), which its owner chooses, so it must read as a name; ADDR follows.
 */
const INVALID_AUTH =
  /^Login attempt or request with invalid authentication from (\S{1,253}) \(([0-9A-Fa-f:.]{2,45})\)\./;

/**
 * A line of Home Assistant's log (`home-assistant.log`): its HTTP server's refusal of a login or of a
 * request's credentials (a wrong password, an invalid token), or why it is none. The time has no zone.
 */
export function readHomeAssistantLine(line: string): AppLoginRecord | string {
  const head = HEAD.exec(line);
  if (head === null) return NOT_THIS_APP;
  const time = wallClockOf(head);
  if (Number.isNaN(time.time)) return NOT_THIS_APP;
  const found = INVALID_AUTH.exec(line.slice(head[0].length));
  const host = found?.[1];
  const ip = found === null ? undefined : normalizeIp(found[2] as string);
  if (ip === undefined || host === undefined || (normalizeIp(host) === undefined && !isHostName(host)))
    return HOME_ASSISTANT_LINE_UNUSED;
  return appLogin(HOME_ASSISTANT, time, 'failure', undefined, ip, 'invalid authentication');
}
