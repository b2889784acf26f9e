import type { InhibitionRule } from './inhibition.ts';

/**
 * Inhibitions for the shipped rule pack: once an account is likely compromised (failures, then a
 * success), the failure rules about that same account add nothing but noise; an address already
 * guessing SSH passwords needs no second incident for having probed the server too, nor one
 * guessing mail or FTP passwords for what PAM reports of the same guesses (nor for its SMTP
 * connections without mail), nor one whose HTTP auth guesses the error log names for the access
 * log's 401s, nor a flood of login POSTs for the
 * WordPress logins it refused, nor one guessing at an administration panel or a self-hosted
 * application for reaching the ingest API's higher count there too; and a web scanner's exploit
 * attempts say more than its wordlist, its refused requests or its User-Agent, and the access log's
 * 404s and 403s than the error log's missing files and refusals; the web application firewall's
 * rules say more than its blocks and the access log's signatures.
 */
export const DEFAULT_INHIBITION_RULES: readonly InhibitionRule[] = [
  {
    source: 'auth-success-after-failures',
    targets: [
      'ssh-brute-force-user',
      'windows-logon-failure-user',
      'app-login-failures-user',
      'windows-kerberos-preauth-failures',
      'windows-ntlm-failures',
    ],
    equal: ['user.name'],
  },
  { source: 'ssh-brute-force-source', targets: ['ssh-probing-source'], equal: ['source.ip'] },
  // Dovecot's and vsftpd's PAM backends report each of their login failures to PAM as well.
  {
    source: 'mail-auth-failures-source',
    targets: ['pam-brute-force-source', 'smtp-probing-source'],
    equal: ['source.address'],
  },
  { source: 'ftp-brute-force-source', targets: ['pam-brute-force-source'], equal: ['source.address'] },
  // The access log's 401s of the same guesses the error log names one by one.
  {
    source: 'web-http-auth-failures-source',
    targets: ['web-auth-failures-source', 'web-login-failures-source'],
    equal: ['source.ip'],
  },
  // WordPress's refused logins say more than a flood of login POSTs from the same address.
  { source: 'wordpress-login-failures-source', targets: ['web-login-flood-source'], equal: ['source.ip'] },
  // The rules that count an application's own log at 5 per address already opened for the address.
  ...['admin-panel-login-failures-source', 'self-hosted-login-failures-source'].map((source) => ({
    source,
    targets: ['app-login-failures-source'],
    equal: ['service.name', 'source.ip'],
  })),
  // One web scan trips several rules: its exploit attempts tell most, then its wordlist.
  {
    source: 'web-exploit-attempt',
    targets: [
      'web-content-scan-source',
      'web-missing-files-source',
      'web-denied-requests-source',
      'web-scanner-user-agent',
    ],
    equal: ['source.ip'],
  },
  // The firewall's rules name what an attack tried: more than its count of blocks or the access log's
  // signatures of the same requests.
  {
    source: 'web-waf-rules-source',
    targets: ['web-waf-blocks-source', 'web-exploit-attempt'],
    equal: ['source.ip'],
  },
  // A Shellshock header that reached a CGI script's bash says more than its User-Agent.
  { source: 'web-exploit-reached-cgi', targets: ['web-exploit-user-agent'], equal: ['source.ip'] },
  // The access log's 403s of the requests the error log says it refused.
  { source: 'web-auth-failures-source', targets: ['web-denied-requests-source'], equal: ['source.ip'] },
  {
    source: 'web-content-scan-source',
    targets: ['web-scanner-user-agent', 'web-missing-files-source'],
    equal: ['source.ip'],
  },
];
