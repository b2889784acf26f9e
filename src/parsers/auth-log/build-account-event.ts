import type { SecurityEvent } from '../../core/index.ts';
import { systemAuthEvent, type SshdHeader } from '../sshd/build-sshd-event.ts';
import type { AccountFacts } from './account-facts.ts';
import { relatedFields } from './related-fields.ts';

/**
 * The SecurityEvent of one account program line, shaped as Filebeat's system module (auth fileset)
 * ships it: `system.auth.sudo.*`, `system.auth.useradd.*`, `user.*`, `group.*`. Each call returns
 * new objects: events are never shared.
 */
export function buildAccountEvent(
  header: SshdHeader,
  original: string,
  message: string,
  timestamp: string,
  facts: AccountFacts,
): SecurityEvent {
  const event = systemAuthEvent(
    header,
    original,
    message,
    timestamp,
    [...facts.category],
    [...facts.type],
    facts.action,
    facts.outcome,
  );
  if (facts.reason !== undefined) event.event.reason = facts.reason;
  const user = buildUser(facts);
  if (user !== undefined) event.user = user;
  if (facts.groupName !== undefined || facts.groupId !== undefined)
    event.group =
      facts.groupId === undefined ? { name: facts.groupName } : { name: facts.groupName, id: facts.groupId };
  if (facts.sudo !== undefined) event.system = { auth: { sudo: { ...facts.sudo } } };
  else if (facts.useradd !== undefined) event.system = { auth: { useradd: { ...facts.useradd } } };
  event.related = relatedFields(
    [facts.user, facts.effectiveUser, facts.targetUser],
    undefined,
    header.hostname,
  );
  return event;
}

function buildUser(facts: AccountFacts): Record<string, unknown> | undefined {
  const user: Record<string, unknown> = {};
  if (facts.user !== undefined) user.name = facts.user;
  if (facts.userId !== undefined) user.id = facts.userId;
  if (facts.effectiveUser !== undefined) user.effective = { name: facts.effectiveUser };
  if (facts.targetUser !== undefined) user.target = { name: facts.targetUser };
  return Object.keys(user).length > 0 ? user : undefined;
}
