import type { LogsourceEntry, SourceVariant } from './source-variant.ts';

/**
 * Linux log sources of the Sigma taxonomy as Klaxon's parsers (Filebeat's system module names)
 * and Auditbeat/Filebeat's auditd write them, and web server access logs. Linux Sysmon
 * categories are Sysmon for Linux event ids.
 */
const ECS_ONLY: readonly string[] = [];
const AUDITD = ['auditd.log.', 'auditd.data.', 'auditd.'];
const LINUX_SYSMON = ['winlog.event_data.', 'event_data.'];

function byProcess(label: string, names: readonly string[]): SourceVariant {
  return { label, from: [['process.name', names]], fieldPrefixes: ECS_ONLY };
}

function linuxSysmon(category: string, code: string): LogsourceEntry {
  return {
    product: 'linux',
    category,
    variants: [
      {
        label: `Sysmon for Linux event ${code}`,
        from: [
          ['winlog.channel', ['Linux-Sysmon/Operational']],
          ['event.provider', ['Linux-Sysmon']],
        ],
        eventCodes: [code],
        fieldPrefixes: LINUX_SYSMON,
      },
    ],
  };
}

export const LINUX_LOGSOURCES: readonly LogsourceEntry[] = [
  {
    product: 'linux',
    variants: [
      {
        label: 'Linux system logs',
        from: [
          ['event.module', ['system', 'auditd']],
          ['event.dataset', ['system.auth', 'system.syslog', 'auditd.log']],
        ],
        fieldPrefixes: AUDITD,
      },
    ],
  },
  {
    product: 'linux',
    service: 'auth',
    variants: [{ label: 'auth.log', from: [['event.dataset', ['system.auth']]], fieldPrefixes: ECS_ONLY }],
  },
  {
    product: 'linux',
    service: 'auditd',
    variants: [
      {
        label: 'auditd',
        from: [
          ['event.module', ['auditd']],
          ['event.dataset', ['auditd.log']],
        ],
        fieldPrefixes: AUDITD,
      },
    ],
  },
  {
    product: 'linux',
    service: 'syslog',
    variants: [
      {
        label: 'syslog',
        from: [['event.dataset', ['system.syslog', 'system.auth']]],
        fieldPrefixes: ECS_ONLY,
      },
    ],
  },
  { product: 'linux', service: 'sshd', variants: [byProcess('sshd', ['sshd'])] },
  { product: 'linux', service: 'sudo', variants: [byProcess('sudo', ['sudo'])] },
  { product: 'linux', service: 'cron', variants: [byProcess('cron', ['cron', 'crond', 'CRON'])] },
  { product: 'linux', service: 'vsftpd', variants: [byProcess('vsftpd', ['vsftpd'])] },
  { product: 'linux', service: 'clamav', variants: [byProcess('ClamAV', ['clamd', 'freshclam', 'clamav'])] },
  { product: 'linux', service: 'guacamole', variants: [byProcess('Guacamole', ['guacd'])] },
  linuxSysmon('process_creation', '1'),
  linuxSysmon('network_connection', '3'),
  linuxSysmon('file_event', '11'),
  {
    category: 'webserver',
    variants: [
      {
        label: 'web server access log',
        from: [
          ['event.dataset', ['web.access', 'apache.access', 'nginx.access', 'iis.access']],
          ['event.category', ['web']],
        ],
        fieldPrefixes: ECS_ONLY,
      },
    ],
  },
];
