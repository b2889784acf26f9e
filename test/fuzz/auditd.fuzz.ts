import { auditdParser } from '../../src/parsers/index.ts';
import { lineParserTarget } from './line-parser-target.ts';

// Records in the forms the audit documentation gives (kernel and user-space), written here.
const SEEDS = [
  'type=USER_AUTH msg=audit(1709546402.318:731): pid=2231 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 msg=\'op=PAM:authentication grantors=? acct="root" exe="/usr/sbin/sshd" hostname=203.0.113.9 addr=203.0.113.9 terminal=ssh res=failed\'',
  'node=web-01 type=USER_LOGIN msg=audit(1709546402.5:732): user pid=2232 uid=0 auid=4294967295 msg=\'op=login acct=28696E76616C6964207573657229 exe="/usr/sbin/sshd" hostname=? addr=::ffff:198.51.100.2 terminal=ssh res=failed\'\u001dUID="root" AUID="unset"',
  'type=EXECVE msg=audit(1709546410.000:801): argc=3 a0="curl" a1=2D6F202F746D702F78 a2="http://198.51.100.5/x.sh"',
  'type=SYSCALL msg=audit(1709546410.000:801): arch=c000003e syscall=59 success=yes exit=0 a0=55d0c8 ppid=2240 pid=2241 auid=1000 uid=1000 comm="curl" exe="/usr/bin/curl" key=(null)',
  'type=PROCTITLE msg=audit(1709546410.000:801): proctitle=626173680002D630069640',
  'type=AVC msg=audit(1709546411.000:802): avc:  denied  { read } for  pid=2300 comm="httpd" name="shadow" dev="dm-0" ino=1234 scontext=system_u:system_r:httpd_t:s0 tclass=file permissive=0',
  'type=LOGIN msg=audit(1709546412.000:803): pid=2301 uid=0 old auid=4294967295 new auid=1000 old ses=4294967295 new ses=5',
];

/** What a hostile record holds: quotes of both kinds, msg= nested, hex that is no text, separators. */
const HOSTILE = ['"', "'", "msg='", ' res=success', '=', '==', '\u001d', 'audit(', '):', 'ZZ', '00', ' a0='];

export const auditdTarget = lineParserTarget('auditd', auditdParser, SEEDS, HOSTILE);
