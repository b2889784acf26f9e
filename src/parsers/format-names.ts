/**
 * Every `--format` value, in the order the CLI's help and the README give them. The CLI's help
 * reads this list rather than the registry, whose parsers it must not load to print `--help`;
 * registry.test.ts checks that the two name the same formats.
 */
export const FORMAT_NAMES = [
  'sshd',
  'windows',
  'windows-xml',
  'wineventlog',
  'ndjson',
  'cowrie',
  'access-log',
  'web-error-log',
  'auditd',
  'vsftpd',
  'mysql',
  'asterisk',
  'exim',
  'roundcube',
  'mssql',
  'windows-csv',
  'vaultwarden',
  'mongodb',
  'gitlab',
  'grafana',
  'dovecot',
  'postgresql',
  'app-log',
  'openvpn',
  'bind',
  'iis',
  'squid',
  'fail2ban',
  'fortigate',
  'panos',
  'sonicwall',
  'sophos',
  'evtx',
] as const;

/** The `--format` option's description, naming every value. */
export const FORMAT_OPTION_HELP = `parser to use instead of detecting it: ${FORMAT_NAMES.join(' | ')}`;
