import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';

/*
 * The lines sudo (plugins/sudoers/logging.c), su (shadow's and util-linux's, the BSDs'), useradd,
 * groupadd, usermod, userdel and gpasswd (shadow) write to auth.log, written for this test after
 * their format strings; the real auth.log's are counted in ../sshd/auth-log.test.ts.
 */

const line = (program: string, message: string) => `Mar  4 10:00:01 web-01 ${program}[4242]: ${message}`;

/** The fields rules and analysts read, of the one event of `message`. */
function fieldsOf(program: string, message: string) {
  const { events, skips } = parse([line(program, message)]);
  expect(skips).toEqual([null]);
  const [event] = events as [SecurityEvent];
  return {
    action: event.event.action,
    outcome: event.event.outcome,
    category: event.event.category,
    user: event.user,
    group: event.group,
    reason: event.event.reason,
  };
}

describe('sudo lines', () => {
  it('reads an allowed command: caller, target user, terminal, directory and command', () => {
    const { events } = parse([
      'Mar 27 13:09:37 ip-10-77-20-248 sudo:   ubuntu : TTY=pts/0 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/usr/bin/apt-get update',
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      event: { action: 'sudo_command', outcome: 'success', category: ['process'], type: ['start'] },
      process: { name: 'sudo' },
      host: { name: 'ip-10-77-20-248' },
      user: { name: 'ubuntu', effective: { name: 'root' } },
      system: {
        auth: {
          sudo: { tty: 'pts/0', pwd: '/home/ubuntu', user: 'root', command: '/usr/bin/apt-get update' },
        },
      },
      related: { user: ['ubuntu', 'root'], hosts: ['ip-10-77-20-248'] },
    });
  });

  it.each([
    [
      'alice : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash',
      'sudo_not_allowed',
    ],
    [
      'alice : user NOT authorized on host ; TTY=pts/1 ; PWD=/ ; USER=root ; COMMAND=/bin/sh',
      'sudo_not_allowed',
    ],
    [
      'alice : command not allowed ; TTY=pts/1 ; PWD=/ ; USER=root ; COMMAND=/usr/bin/vim /etc/shadow',
      'sudo_not_allowed',
    ],
    [
      'alice : 3 incorrect password attempts ; TTY=pts/1 ; PWD=/ ; USER=root ; COMMAND=/bin/bash',
      'sudo_auth_failure',
    ],
    [
      'alice : 1 incorrect password attempt ; TTY=pts/1 ; PWD=/ ; USER=root ; COMMAND=/bin/bash',
      'sudo_auth_failure',
    ],
    ['alice : a password is required ; TTY=unknown ; PWD=/ ; USER=root ; COMMAND=/bin/id', 'sudo_command'],
  ])('reads the error of %s', (message, action) => {
    const fields = fieldsOf('sudo', message);
    expect(fields).toMatchObject({
      action,
      outcome: 'failure',
      user: { name: 'alice', effective: { name: 'root' } },
    });
    expect(fields.reason).toBe(message.slice(8, message.indexOf(' ; ')));
  });

  it('reads sudo 1.9 lines with more keys before COMMAND', () => {
    const { events } = parse([
      line(
        'sudo',
        'bob : TTY=pts/2 ; PWD=/srv ; USER=postgres ; GROUP=postgres ; TSID=000001 ; ENV=A=1 ; COMMAND=/usr/bin/psql',
      ),
    ]);
    expect(events[0]?.system).toEqual({
      auth: { sudo: { tty: 'pts/2', pwd: '/srv', user: 'postgres', command: '/usr/bin/psql' } },
    });
  });

  it('keeps a command that holds the separator whole', () => {
    const { events } = parse([
      line('sudo', 'bob : TTY=pts/2 ; PWD=/srv ; USER=root ; COMMAND=/bin/sh -c a ; b'),
    ]);
    expect((events[0]?.system as { auth: { sudo: { command: string } } }).auth.sudo.command).toBe(
      '/bin/sh -c a ; b',
    );
  });

  it('cannot be made to name another caller or to hide an error by a directory name', () => {
    // A caller who cds into a directory named `x ; USER=root ; COMMAND=y` owns PWD onwards, not
    // the caller or the error in front of it.
    const fields = fieldsOf(
      'sudo',
      'mallory : user NOT in sudoers ; TTY=pts/0 ; PWD=/tmp/x ; USER=root ; COMMAND=y ; USER=nobody ; COMMAND=id',
    );
    expect(fields).toMatchObject({ action: 'sudo_not_allowed', user: { name: 'mallory' } });
  });

  it.each([
    ['pam_unix(sudo:session): session opened for user root by ubuntu(uid=0)', 'account-line-unused'],
    [
      'pam_unix(sudo:auth): authentication failure; logname=alice uid=1000 euid=0 tty=/dev/pts/1 ruser=alice rhost=  user=alice',
      'account-line-unused',
    ],
    ['alice : TTY=pts/1 ; PWD=/ ; USER=root', 'account-line-unused'],
    ['two words : TTY=pts/1 ; PWD=/ ; USER=root ; COMMAND=/bin/id', 'malformed-account-line'],
    ['alice : TTY=pts/1 ; an error in the middle ; USER=root ; COMMAND=/bin/id', 'malformed-account-line'],
    ['alice : TTY=pts/1COMMAND=/bin/id', 'malformed-account-line'],
  ])('skips %s', (message, reason) => {
    expect(parse([line('sudo', message)]).skips).toEqual([reason]);
  });
});

describe('su lines', () => {
  it.each([
    ['su', 'Successful su for root by alice', 'success'],
    ['su', 'FAILED su for root by alice', 'failure'],
    ['su', '(to root) alice on pts/3', 'success'],
    ['su', 'FAILED SU (to root) alice on pts/3', 'failure'],
    ['su', 'BAD SU alice to root on /dev/ttyp0', 'failure'],
  ])('%s: %s', (program, message, outcome) => {
    expect(fieldsOf(program, message)).toMatchObject({
      action: 'su',
      outcome,
      category: ['authentication'],
      user: { name: 'alice', effective: { name: 'root' } },
    });
  });

  it.each([
    ['+ /dev/pts/0 alice:root', 'account-line-unused'],
    ['pam_unix(su:session): session opened for user root by alice(uid=1000)', 'account-line-unused'],
    ['Successful su for root by', 'malformed-account-line'],
    ['FAILED SU (to root alice on pts/3', 'malformed-account-line'],
  ])('skips %s', (message, reason) => {
    expect(parse([line('su', message)]).skips).toEqual([reason]);
  });
});

describe('account changes', () => {
  it('reads a new user: the account, its ids, home and shell', () => {
    const { events } = parse([
      line(
        'useradd',
        'new user: name=backup2, UID=1001, GID=1001, home=/home/backup2, shell=/bin/bash, from=/dev/pts/0',
      ),
    ]);
    expect(events[0]).toMatchObject({
      event: {
        action: 'added-user-account',
        outcome: 'success',
        category: ['iam'],
        type: ['user', 'creation'],
      },
      user: { name: 'backup2', id: '1001', target: { name: 'backup2' } },
      group: { id: '1001' },
      system: { auth: { useradd: { home: '/home/backup2', shell: '/bin/bash' } } },
    });
  });

  it.each([
    [
      'useradd',
      'new group: name=backup2, GID=1001',
      { action: 'added-group-account', group: { name: 'backup2', id: '1001' } },
    ],
    [
      'groupadd',
      'new group: name=ops, GID=1002',
      { action: 'added-group-account', group: { name: 'ops', id: '1002' } },
    ],
    [
      'useradd',
      "failed adding user 'elastic_user_7', data deleted",
      { action: 'added-user-account', outcome: 'failure', reason: 'data deleted' },
    ],
    [
      'usermod',
      "add 'backup2' to group 'sudo'",
      { action: 'added-member-to-group', user: { target: { name: 'backup2' } }, group: { name: 'sudo' } },
    ],
    [
      'useradd',
      "add 'backup2' to group 'docker'",
      { action: 'added-member-to-group', group: { name: 'docker' } },
    ],
    [
      'gpasswd',
      'user backup2 added by root to group wheel',
      {
        action: 'added-member-to-group',
        user: { name: 'root', target: { name: 'backup2' } },
        group: { name: 'wheel' },
      },
    ],
    [
      'userdel',
      "delete user 'backup2'",
      { action: 'deleted-user-account', user: { target: { name: 'backup2' } } },
    ],
  ])('%s: %s', (program, message, expected) => {
    expect(fieldsOf(program, message)).toMatchObject(expected);
  });

  it.each([
    ['usermod', "add 'backup2' to shadow group 'sudo'", 'account-line-unused'],
    ['groupadd', 'group added to /etc/group: name=ops, GID=1002', 'account-line-unused'],
    ['usermod', "change user 'backup2' password", 'account-line-unused'],
    [
      'useradd',
      'new user: name=x y, UID=1001, GID=1001, home=/home/x, shell=/bin/sh',
      'malformed-account-line',
    ],
    ['useradd', 'new user: name=x, UID=-1, GID=1001, home=/home/x, shell=/bin/sh', 'malformed-account-line'],
    ['groupadd', 'new group: name=ops', 'malformed-account-line'],
    ['usermod', "add 'a b' to group 'sudo'", 'malformed-account-line'],
  ])('%s: skips %s', (program, message, reason) => {
    expect(parse([line(program, message)]).skips).toEqual([reason]);
  });
});

describe('account lines in the sshd parser', () => {
  it('reads them through journald too, and leaves other programs as not-sshd', () => {
    const journal = JSON.stringify({
      __REALTIME_TIMESTAMP: '1709546401000000',
      _HOSTNAME: 'web-01',
      SYSLOG_IDENTIFIER: 'sudo',
      MESSAGE: 'alice : user NOT in sudoers ; TTY=pts/1 ; PWD=/ ; USER=root ; COMMAND=/bin/bash',
    });
    const { events, skips } = parse([
      journal,
      line('sudoedit', 'alice : TTY=pts/1 ; PWD=/ ; USER=root ; COMMAND=x'),
    ]);
    expect(events.map((event) => event.event.action)).toEqual(['sudo_not_allowed']);
    expect(skips).toEqual([null, 'not-sshd']);
  });
});
