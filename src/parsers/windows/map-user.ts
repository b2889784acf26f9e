import type { SecurityEvent } from '../../core/index.ts';
import type { FieldGetter } from '../../core/index.ts';
import { compileFieldGetter } from '../../core/index.ts';
import { fillPath, isBlankValue, readData } from './fill-field.ts';

/** Where an event's account goes: `user` for the actor, `user.target`/`user.effective` as Winlogbeat nests them. */
export type UserSlot = 'user' | 'user.target' | 'user.effective';

interface SlotPaths {
  readName: FieldGetter;
  name: string[];
  domain: string[];
  id: string[];
}

const PATHS: Record<UserSlot, SlotPaths> = {
  user: slotPaths('user'),
  'user.target': slotPaths('user.target'),
  'user.effective': slotPaths('user.effective'),
};

function slotPaths(slot: UserSlot): SlotPaths {
  const steps = slot.split('.');
  return {
    readName: compileFieldGetter(`${slot}.name`),
    name: [...steps, 'name'],
    domain: [...steps, 'domain'],
    id: [...steps, 'id'],
  };
}

/** TargetUserName/TargetDomainName/TargetUserSid (or TargetSid); a UPN keeps its user part, as Winlogbeat does. */
export function mapTargetUser(event: SecurityEvent, data: Record<string, unknown>, slot: UserSlot): void {
  const name = userPart(readData(data, 'TargetUserName'));
  const sid = readData(data, 'TargetUserSid') ?? readData(data, 'TargetSid');
  fillUser(event, PATHS[slot], name, readData(data, 'TargetDomainName'), sid);
}

/** SubjectUserName/SubjectDomainName/SubjectUserSid: the account that acted (4648, 4740). */
export function mapSubjectUser(event: SecurityEvent, data: Record<string, unknown>): void {
  const name = readData(data, 'SubjectUserName');
  fillUser(event, PATHS.user, name, readData(data, 'SubjectDomainName'), readData(data, 'SubjectUserSid'));
}

/** AccountName/AccountDomain: the account of 4825 (Remote Desktop denied to it). */
export function mapAccountUser(event: SecurityEvent, data: Record<string, unknown>): void {
  fillUser(event, PATHS.user, readData(data, 'AccountName'), readData(data, 'AccountDomain'), undefined);
}

// One account per slot: when the document already names another account there, its domain
// and id are not mixed with ours.
function fillUser(
  event: SecurityEvent,
  paths: SlotPaths,
  name: string | undefined,
  domain: string | undefined,
  id: string | undefined,
): void {
  const existing = paths.readName(event);
  if (!isBlankValue(existing) && existing !== name) return;
  fillPath(event, paths.name, name);
  fillPath(event, paths.domain, domain);
  fillPath(event, paths.id, id);
}

/**
 * 4728/4732/4756 (a member added to a group): the group (TargetUserName/TargetDomainName/TargetSid)
 * as `group`, the member as `user.target`: its name from MemberName's first RDN (`CN=Jane
 * Doe,OU=...` names Jane Doe; a local group's member has none, `-`), its id from MemberSid.
 */
export function mapGroupMember(event: SecurityEvent, data: Record<string, unknown>): void {
  fillPath(event, ['group', 'name'], readData(data, 'TargetUserName'));
  fillPath(event, ['group', 'domain'], readData(data, 'TargetDomainName'));
  fillPath(event, ['group', 'id'], readData(data, 'TargetSid'));
  const member = /^CN=((?:[^,\\]|\\.){1,256}),/i.exec(readData(data, 'MemberName') ?? '');
  const name = member === null ? undefined : (member[1] as string).replace(/\\(.)/g, '$1');
  fillUser(event, PATHS['user.target'], name, undefined, readData(data, 'MemberSid'));
}

function userPart(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const at = name.indexOf('@');
  return at > 0 ? name.slice(0, at) : name;
}
