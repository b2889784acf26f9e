import {
  createAccountFacts,
  MALFORMED_ACCOUNT,
  NOT_ACCOUNT,
  type AccountFacts,
  type AccountSkip,
} from './account-facts.ts';

/**
 * The lines shadow's useradd, groupadd, usermod, userdel and gpasswd write for a change, each
 * change once (`event.category: iam`, as Filebeat files them):
 * - `new user: name=N, UID=U, GID=G, home=H, shell=S[, from=F]` (useradd): `added-user-account`,
 *   and `failed adding user 'N', data deleted` as its failure;
 * - `new group: name=N, GID=G` (groupadd, and useradd for a user's own group):
 *   `added-group-account` (groupadd's `group added to /etc/group: ...` lines repeat it);
 * - `add 'USER' to group 'GROUP'` (useradd -G, usermod -aG; the `to shadow group` line repeats it) and
 *   `user USER added by CALLER to group GROUP` (gpasswd -a): `added-member-to-group`;
 * - `delete user 'USER'` (userdel): `deleted-user-account`.
 */
export function matchAccountChange(message: string): AccountFacts | AccountSkip {
  if (message.startsWith('new user: ')) return newUser(message);
  if (message.startsWith('new group: ')) return newGroup(message);
  if (message.startsWith("failed adding user '")) return failedUser(message);
  if (message.startsWith("add '")) return addToGroup(message);
  if (message.startsWith('user ') && message.includes(' added by ')) return gpasswdAdd(message);
  if (message.startsWith("delete user '")) return deleteUser(message);
  return NOT_ACCOUNT;
}

/** `key=value, key=value, ...` after `prefix`: values hold no `, ` (names, numbers, paths as shadow writes them). */
function readPairs(message: string, start: number): Map<string, string> | undefined {
  const pairs = new Map<string, string>();
  for (const part of message.slice(start).split(', ')) {
    const equals = part.indexOf('=');
    if (equals <= 0) return undefined;
    pairs.set(part.slice(0, equals), part.slice(equals + 1));
  }
  return pairs;
}

function newUser(message: string): AccountFacts | AccountSkip {
  const pairs = readPairs(message, 10);
  const name = pairs?.get('name');
  const uid = pairs?.get('UID');
  const gid = pairs?.get('GID');
  if (pairs === undefined || !isName(name) || !isNumber(uid) || !isNumber(gid)) return MALFORMED_ACCOUNT;
  const facts = createAccountFacts('added-user-account', 'success', ['iam'], ['user', 'creation']);
  // Filebeat names the new account user.name; ECS's user.target.name says the same for IAM events.
  facts.user = name;
  facts.targetUser = name;
  facts.userId = uid;
  facts.groupId = gid;
  facts.useradd = { home: pairs.get('home') ?? '', shell: pairs.get('shell') ?? '' };
  return facts;
}

function newGroup(message: string): AccountFacts | AccountSkip {
  const pairs = readPairs(message, 11);
  const name = pairs?.get('name');
  const gid = pairs?.get('GID');
  if (!isName(name) || !isNumber(gid)) return MALFORMED_ACCOUNT;
  const facts = createAccountFacts('added-group-account', 'success', ['iam'], ['group', 'creation']);
  facts.groupName = name;
  facts.groupId = gid;
  return facts;
}

function failedUser(message: string): AccountFacts | AccountSkip {
  const end = message.indexOf("'", 20);
  const name = message.slice(20, end);
  if (end < 0 || !isName(name)) return MALFORMED_ACCOUNT;
  const facts = createAccountFacts('added-user-account', 'failure', ['iam'], ['user', 'creation']);
  facts.user = name;
  facts.targetUser = name;
  facts.reason = message.slice(end + 1).replace(/^, /, '');
  return facts;
}

/** `add 'USER' to group 'GROUP'`; the `to shadow group` twin is left out. */
function addToGroup(message: string): AccountFacts | AccountSkip {
  const end = message.indexOf("' to ", 5);
  if (end < 0) return MALFORMED_ACCOUNT;
  if (message.startsWith('shadow group ', end + 5)) return NOT_ACCOUNT;
  if (!message.startsWith("group '", end + 5) || !message.endsWith("'")) return MALFORMED_ACCOUNT;
  return memberFacts(message.slice(5, end), message.slice(end + 12, -1), undefined);
}

/** `user USER added by CALLER to group GROUP` (gpasswd -a). */
function gpasswdAdd(message: string): AccountFacts | AccountSkip {
  const by = message.indexOf(' added by ', 5);
  const to = message.indexOf(' to group ', by + 10);
  if (by <= 5 || to < 0) return MALFORMED_ACCOUNT;
  return memberFacts(message.slice(5, by), message.slice(to + 10), message.slice(by + 10, to));
}

function memberFacts(member: string, group: string, caller: string | undefined): AccountFacts | AccountSkip {
  if (!isName(member) || !isName(group) || (caller !== undefined && !isName(caller)))
    return MALFORMED_ACCOUNT;
  const facts = createAccountFacts('added-member-to-group', 'success', ['iam'], ['group', 'change']);
  facts.user = caller;
  facts.targetUser = member;
  facts.groupName = group;
  return facts;
}

function deleteUser(message: string): AccountFacts | AccountSkip {
  const name = message.slice(13, -1);
  if (!message.endsWith("'") || !isName(name)) return MALFORMED_ACCOUNT;
  const facts = createAccountFacts('deleted-user-account', 'success', ['iam'], ['user', 'deletion']);
  facts.user = name;
  facts.targetUser = name;
  return facts;
}

/** An account or group name as shadow prints it: not empty, no blank, no quote. */
function isName(text: string | undefined): text is string {
  return text !== undefined && text !== '' && !/[\s']/.test(text);
}

function isNumber(text: string | undefined): text is string {
  return text !== undefined && /^\d{1,10}$/.test(text);
}
