import { describe, expect, it } from 'vitest';
import { classifySshdMessage } from './classify-sshd-message.ts';
import type { SshdAuth } from './sshd-auth.ts';

type Expected = Partial<SshdAuth>;

const failed = (fields: Expected): Expected => ({
  action: 'ssh_login',
  outcome: 'failure',
  sshEvent: 'Failed',
  ...fields,
});

describe('classifySshdMessage maps login attempts to ssh_login', () => {
  it.each<[string, Expected]>([
    [
      'Failed password for root from 218.60.136.106 port 56338 ssh2',
      failed({
        method: 'password',
        user: 'root',
        ip: '218.60.136.106',
        address: '218.60.136.106',
        port: 56338,
      }),
    ],
    [
      'Failed password for invalid user admin from 95.152.57.58 port 40000 ssh2',
      failed({ method: 'password', user: 'admin', ip: '95.152.57.58', port: 40000 }),
    ],
    ['Failed password for invalid user  from 1.2.3.4 port 22 ssh2', failed({ user: '', ip: '1.2.3.4' })],
    [
      'Failed password for invalid user john smith from 1.2.3.4 port 22 ssh2',
      failed({ user: 'john smith', ip: '1.2.3.4' }),
    ],
    [
      'Failed password for invalid user x from 6.6.6.6 port 1 ssh2 from 1.2.3.4 port 22 ssh2',
      failed({ user: 'x from 6.6.6.6 port 1 ssh2', ip: '1.2.3.4', port: 22 }),
    ],
    [
      'Failed publickey for git from 10.0.0.5 port 51515 ssh2: RSA SHA256:Kl8kPGZrTiz7g4FO1hyqHdsSBBb5Fge6NWOobN03XJg',
      failed({
        action: 'ssh_publickey_rejected',
        method: 'publickey',
        user: 'git',
        signature: 'RSA SHA256:Kl8kPGZrTiz7g4FO1hyqHdsSBBb5Fge6NWOobN03XJg',
      }),
    ],
    [
      'Failed keyboard-interactive/pam for invalid user oracle from 2001:db8::7 port 60022 ssh2',
      failed({ method: 'keyboard-interactive/pam', user: 'oracle', ip: '2001:db8::7', port: 60022 }),
    ],
    ['Failed none for invalid user test from 1.2.3.4 port 5 ssh2', failed({ method: 'none', user: 'test' })],
    [
      'Failed password for illegal user guest from 1.2.3.4 port 5 ssh2',
      failed({ user: 'guest', ip: '1.2.3.4' }),
    ],
    [
      'Failed password for root from ::ffff:203.0.113.9 port 4242 ssh2',
      failed({ ip: '203.0.113.9', address: '::ffff:203.0.113.9' }),
    ],
    [
      'Failed password for root from scanner.example.net port 4242 ssh2',
      failed({ ip: undefined, domain: 'scanner.example.net', address: 'scanner.example.net', port: 4242 }),
    ],
    [
      'Accepted password for elastic_user_0 from 85.245.107.41 port 54259 ssh2',
      {
        action: 'ssh_login',
        outcome: 'success',
        sshEvent: 'Accepted',
        method: 'password',
        user: 'elastic_user_0',
      },
    ],
    [
      'Accepted publickey for ubuntu from 85.245.107.41 port 54259 ssh2: RSA SHA256:Kl8kPGZrTiz7g4FO1hyqHdsSBBb5Fge6NWOobN03XJg',
      {
        sshEvent: 'Accepted',
        method: 'publickey',
        signature: 'RSA SHA256:Kl8kPGZrTiz7g4FO1hyqHdsSBBb5Fge6NWOobN03XJg',
      },
    ],
    [
      'Accepted publickey for deploy from 10.1.1.1 port 2 ssh2: ED25519-CERT SHA256:abc ID ci from runner (serial 7) CA ED25519 SHA256:def',
      {
        user: 'deploy',
        ip: '10.1.1.1',
        port: 2,
        signature: 'ED25519-CERT SHA256:abc ID ci from runner (serial 7) CA ED25519 SHA256:def',
      },
    ],
    [
      'Invalid user support from 95.152.57.58',
      {
        action: 'ssh_login',
        outcome: 'failure',
        sshEvent: 'Invalid',
        user: 'support',
        ip: '95.152.57.58',
        port: undefined,
      },
    ],
    ['Invalid user  from 1.2.3.4', { sshEvent: 'Invalid', user: '', ip: '1.2.3.4' }],
    ['Invalid user admin from 1.2.3.4 port 51234', { sshEvent: 'Invalid', user: 'admin', port: 51234 }],
    ['Invalid user a b c from fe80::1 port 2', { user: 'a b c', ip: 'fe80::1' }],
    ['Illegal user test from 1.2.3.4', { action: 'ssh_login', sshEvent: 'Invalid', user: 'test' }],
  ])('%s', (message, expected) => {
    expect(classifySshdMessage(message)).toMatchObject(expected);
  });
});

describe('classifySshdMessage gives lines that are not one attempt each their own action', () => {
  it.each<[string, Expected]>([
    [
      'pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=218.60.136.106  user=root',
      {
        action: 'ssh_pam_auth_failure',
        outcome: 'failure',
        sshEvent: undefined,
        user: 'root',
        ip: '218.60.136.106',
      },
    ],
    [
      'pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=181.25.206.27',
      { action: 'ssh_pam_auth_failure', user: undefined, ip: '181.25.206.27' },
    ],
    [
      'pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=host-1.example.org  user=bob',
      { action: 'ssh_pam_auth_failure', domain: 'host-1.example.org', user: 'bob' },
    ],
    [
      'pam_sss(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=  user=carol',
      { action: 'ssh_pam_auth_failure', address: undefined, user: 'carol' },
    ],
    [
      'PAM 5 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=218.60.136.106  user=root',
      { action: 'ssh_pam_more_auth_failures', outcome: 'failure', user: 'root', ip: '218.60.136.106' },
    ],
    [
      'error: maximum authentication attempts exceeded for root from 122.176.37.221 port 37107 ssh2 [preauth]',
      {
        action: 'ssh_max_auth_attempts',
        outcome: 'failure',
        user: 'root',
        ip: '122.176.37.221',
        port: 37107,
      },
    ],
    [
      'error: maximum authentication attempts exceeded for invalid user admin from 1.2.3.4 port 5 ssh2 [preauth]',
      { action: 'ssh_max_auth_attempts', user: 'admin', ip: '1.2.3.4' },
    ],
    [
      'maximum authentication attempts exceeded for root from 1.2.3.4 port 5 ssh2 [preauth]',
      { action: 'ssh_max_auth_attempts', user: 'root' },
    ],
    [
      'Disconnecting: Too many authentication failures [preauth]',
      { action: 'ssh_too_many_auth_failures', outcome: 'failure', user: undefined, address: undefined },
    ],
    [
      'Disconnecting: Too many authentication failures for root [preauth]',
      { action: 'ssh_too_many_auth_failures', user: 'root' },
    ],
    [
      'Disconnecting authenticating user root 1.2.3.4 port 40022: Too many authentication failures [preauth]',
      { action: 'ssh_too_many_auth_failures', user: 'root', ip: '1.2.3.4', port: 40022 },
    ],
    [
      'Disconnecting invalid user admin 2001:db8::2 port 40022: Too many authentication failures [preauth]',
      { action: 'ssh_too_many_auth_failures', user: 'admin', ip: '2001:db8::2' },
    ],
    [
      'Connection closed by authenticating user root 203.0.113.9 port 41000 [preauth]',
      { action: 'ssh_preauth_close', outcome: 'failure', user: 'root', ip: '203.0.113.9', port: 41000 },
    ],
    [
      'Connection closed by invalid user  203.0.113.9 port 41000 [preauth]',
      { action: 'ssh_preauth_close', user: '', ip: '203.0.113.9' },
    ],
    [
      'Connection reset by invalid user oracle 203.0.113.9 port 41000 [preauth]',
      { action: 'ssh_preauth_close', user: 'oracle' },
    ],
    [
      'Connection closed by authenticating user root 203.0.113.9 port 41000',
      { action: 'ssh_preauth_close', user: 'root', ip: '203.0.113.9' },
    ],
    [
      'Disconnected from authenticating user root 203.0.113.9 port 41000 [preauth]',
      { action: 'ssh_preauth_close', user: 'root', port: 41000 },
    ],
    [
      'ROOT LOGIN REFUSED FROM 203.0.113.9',
      {
        action: 'ssh_root_login_refused',
        outcome: 'failure',
        user: 'root',
        ip: '203.0.113.9',
        port: undefined,
      },
    ],
    ['ROOT LOGIN REFUSED FROM 203.0.113.9 port 5555', { action: 'ssh_root_login_refused', port: 5555 }],
    [
      'User bob from 203.0.113.9 not allowed because not listed in AllowUsers',
      {
        action: 'ssh_user_not_allowed',
        outcome: 'failure',
        user: 'bob',
        ip: '203.0.113.9',
        reason: 'not listed in AllowUsers',
      },
    ],
    [
      'User alice not allowed because account is locked',
      { action: 'ssh_user_not_allowed', user: 'alice', address: undefined, reason: 'account is locked' },
    ],
  ])('%s', (message, expected) => {
    expect(classifySshdMessage(message)).toMatchObject(expected);
  });
});

describe('classifySshdMessage skips', () => {
  it.each([
    'Server listening on 0.0.0.0 port 22.',
    'Received disconnect from 85.245.107.41 port 54259:11: disconnected by user',
    'Disconnected from 85.245.107.41 port 54259',
    'Disconnected from user ubuntu 85.245.107.41 port 54259',
    'pam_unix(sshd:session): session opened for user ubuntu by (uid=0)',
    'pam_unix(sshd:auth): check pass; user unknown',
    'input_userauth_request: invalid user test [preauth]',
    'PAM service(sshd) ignoring max retries; 6 > 3',
    'Connection closed by user alice 181.25.206.27 port 44110',
    'Connection closed by 181.25.206.27',
    'Disconnected from 181.25.206.27 port 44110',
    'error: kex_exchange_identification: Connection closed by remote host',
    'fatal: no matching mac found: client hmac-sha1 server hmac-sha2-256 [preauth]',
    'ssh_dispatch_run_fatal: Connection from user alice 1.2.3.4 port 5: Broken pipe',
    'fatal: Read from socket failed: Connection reset by peer [preauth]',
    'Disconnecting: Change of username or service not allowed: (a,ssh-connection) -> (b,ssh-connection) [preauth]',
    'Postponed publickey for git from 1.2.3.4 port 5 ssh2 [preauth]',
    'Failed to release session: Interrupted system call',
    'Accepted connection',
    'User child is on pid 30901',
    '',
  ])('%j as sshd-not-auth', (message) => {
    expect(classifySshdMessage(message)).toBe('sshd-not-auth');
  });

  it.each([
    'Failed password for root from 1.2.3.4 port abc ssh2',
    'Failed password for root from 1.2.3.4 port 70000 ssh2',
    'Failed password for root from 1.2.3.999 port 22 ssh2',
    'Failed password for root from bad!host port 22 ssh2',
    'Failed password for root port 22 ssh2',
    'Failed password for root from 1.2.3.4 port 22 ssh3',
    'Accepted password for root from 1.2.3.4 port 22 ssh2 trailing',
    'Invalid user admin',
    'Invalid user admin from 1.2.3.4 port x',
    'pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=not|valid',
    'error: maximum authentication attempts exceeded for root from 1.2.3.4 [preauth]',
    'Connection closed by authenticating user root 1.2.3.4 port x [preauth]',
    'ROOT LOGIN REFUSED FROM ???',
    'Disconnecting authenticating user root nowhere!: Too many authentication failures [preauth]',
    'Did not receive identification string from ???',
    "Bad protocol version identification 'x' from 1.2.3.4 port 99999",
    "Bad protocol version identification 'x from 1.2.3.4 port 5'",
    'banner exchange: Connection from 1.2.3.4 port 5',
    'Unable to negotiate with 1.2.3.4 port x: no matching cipher found.',
    'Timeout before authentication for connection from nowhere! to 10.0.0.1, pid = 4',
    'Connection reset by 181.25.206.27 port x',
    'Connection closed by 181.25.206.27 port x [preauth]',
    'ssh_dispatch_run_fatal: Connection from 1.2.3.4: invalid format [preauth]',
  ])('%j as malformed-sshd-message', (message) => {
    expect(classifySshdMessage(message)).toBe('malformed-sshd-message');
  });
});

const probe = (
  action: SshdAuth['action'],
  address: string,
  port: number | undefined,
  reason: string,
): Expected => ({ action, outcome: 'failure', role: 'never', address, port, reason });

describe('classifySshdMessage gives connections that ended before authenticating a probe action', () => {
  it.each<[string, Expected]>([
    [
      'Did not receive identification string from 77.72.85.12',
      probe('ssh_no_identification', '77.72.85.12', undefined, 'no identification string'),
    ],
    [
      'Did not receive identification string from 2001:db8::9 port 35836',
      probe('ssh_no_identification', '2001:db8::9', 35836, 'no identification string'),
    ],
    [
      "Bad protocol version identification 'GET / HTTP/1.1' from 1.2.3.4 port 5",
      probe('ssh_bad_protocol', '1.2.3.4', 5, 'bad protocol version identification'),
    ],
    // The banner is the client's: a forged ` from ADDR port N` in it names nobody.
    [
      "Bad protocol version identification 'x' from 10.0.0.1 port 22' from 198.51.100.7 port 31778",
      probe('ssh_bad_protocol', '198.51.100.7', 31778, 'bad protocol version identification'),
    ],
    [
      'banner exchange: Connection from 192.0.2.12 port 44105: invalid format',
      probe('ssh_bad_protocol', '192.0.2.12', 44105, 'banner exchange: invalid format'),
    ],
    [
      'Protocol major versions differ for 192.0.2.8 port 4242: SSH-2.0-OpenSSH_7.4 vs. SSH-1.5-Nmap-SSH1-Hostkey',
      probe('ssh_bad_protocol', '192.0.2.8', 4242, 'protocol major versions differ'),
    ],
    [
      'fatal: Unable to negotiate with 116.7.243.198 port 21303: no matching key exchange method found. Their offer: diffie-hellman-group1-sha1 [preauth]',
      probe('ssh_negotiation_failed', '116.7.243.198', 21303, 'no matching key exchange method found'),
    ],
    [
      'Unable to negotiate with 192.0.2.4 port 50404: no matching host key type found. Their offer: ssh-dss',
      probe('ssh_negotiation_failed', '192.0.2.4', 50404, 'no matching host key type found'),
    ],
    [
      'ssh_dispatch_run_fatal: Connection from 192.0.2.20 port 50112: invalid format [preauth]',
      probe('ssh_protocol_error', '192.0.2.20', 50112, 'invalid format'),
    ],
    [
      'ssh_dispatch_run_fatal: Connection from authenticating user root 192.0.2.21 port 7: message authentication code incorrect [preauth]',
      {
        ...probe('ssh_protocol_error', '192.0.2.21', 7, 'message authentication code incorrect'),
        user: 'root',
      },
    ],
    [
      'Connection closed by 192.0.2.15 port 35352',
      probe('ssh_no_identification', '192.0.2.15', 35352, 'connection closed before identification'),
    ],
    [
      'Connection reset by 2001:db8::16 port 44',
      probe('ssh_no_identification', '2001:db8::16', 44, 'connection reset before identification'),
    ],
    // After the key exchange, naming no user: kept only where the connection logged nothing else
    // (role trailing, see count-attempts.ts), as before OpenSSH 7.5 a guesser's connection ends so too.
    [
      'Connection closed by 181.25.206.27 port 44110 [preauth]',
      {
        ...probe('ssh_closed_before_auth', '181.25.206.27', 44110, 'connection closed before authentication'),
        role: 'trailing',
      },
    ],
    [
      'Connection reset by 2001:db8::17 port 44110 [preauth]',
      {
        ...probe('ssh_closed_before_auth', '2001:db8::17', 44110, 'connection reset before authentication'),
        role: 'trailing',
      },
    ],
    [
      'Connection closed by 181.25.206.27 [preauth]',
      {
        ...probe(
          'ssh_closed_before_auth',
          '181.25.206.27',
          undefined,
          'connection closed before authentication',
        ),
        role: 'trailing',
      },
    ],
    [
      'fatal: Timeout before authentication for 192.0.2.30 port 60222',
      probe('ssh_login_grace_timeout', '192.0.2.30', 60222, 'timeout before authentication'),
    ],
    [
      'Timeout before authentication for connection from 192.0.2.31 to 10.0.0.5, pid = 8161',
      probe('ssh_login_grace_timeout', '192.0.2.31', undefined, 'timeout before authentication'),
    ],
    [
      'Timeout before authentication for connection from 192.0.2.32 port 40000 to 10.0.0.5 port 22, pid = 8162',
      probe('ssh_login_grace_timeout', '192.0.2.32', 40000, 'timeout before authentication'),
    ],
  ])('%j', (message, expected) => {
    expect(classifySshdMessage(message)).toMatchObject(expected);
  });
});
