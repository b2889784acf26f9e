import type { Incident, Notification } from '../../core/index.ts';

/** An incident as the sshd rules raise it from the real auth.log, with its evidence lines. */
export const SAMPLE_INCIDENT: Incident = {
  serial: 42,
  episodeId: 'ssh-brute-force-source/1490889317000/24.151.103.17',
  ruleId: 'ssh-brute-force-source',
  title: 'SSH brute force from one address',
  status: 'open',
  group: { 'source.ip': '24.151.103.17' },
  count: 147,
  firstSeen: Date.UTC(2017, 2, 30, 15, 54, 19),
  lastSeen: Date.UTC(2017, 2, 30, 16, 1, 35),
  openedAt: Date.UTC(2017, 2, 30, 15, 55, 2),
  severity: 'high',
  confidence: 'medium',
  priority: 'P2',
  attack: ['T1110.001', 'T1021.004'],
  runbook: 'Block the address at the edge; check for an Accepted login from it.',
  samples: [
    {
      '@timestamp': '2017-03-30T15:54:19.000Z',
      event: {
        original:
          'Mar 30 15:54:19 ip-10-77-20-248 sshd[13916]: Failed password for elastic_user_0 from 24.151.103.17 port 57310 ssh2',
        module: 'system',
        action: 'ssh_login',
        outcome: 'failure',
      },
      message: 'Failed password for elastic_user_0 from 24.151.103.17 port 57310 ssh2',
      user: { name: 'elastic_user_0' },
      source: { ip: '24.151.103.17', port: 57310 },
    },
  ],
};

export function sampleNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 'ntf-42-opened-soc',
    kind: 'opened',
    channel: 'soc',
    sequence: 17,
    detail: 'full',
    incident: SAMPLE_INCIDENT,
    dashboardUrl: 'https://klaxon.example.com/incidents/42',
    createdAt: Date.UTC(2017, 2, 30, 15, 55, 3),
    ...overrides,
  };
}

/** Text that a renderer must escape: markup, entities, and an attacker-chosen user name. */
export const HOSTILE_INCIDENT: Incident = {
  ...SAMPLE_INCIDENT,
  serial: 43,
  group: { 'user.name': '<b>admin</b> & "root" <script>alert(1)</script>' },
  title: 'Brute force against <admin> & co',
};
