import type { Incident } from '../../core/index.ts';

/** A routing test incident: open P2 SSH brute force from one address, unless told otherwise. */
export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  const serial = overrides.serial ?? 42;
  return {
    serial,
    episodeId: `ssh-brute-force-source/1490889302000/24.151.103.17#${serial}`,
    ruleId: 'ssh-brute-force-source',
    title: 'SSH brute force from one address',
    status: 'open',
    group: { 'source.ip': '24.151.103.17' },
    count: 12,
    firstSeen: Date.UTC(2017, 2, 30, 15, 54, 19),
    lastSeen: Date.UTC(2017, 2, 30, 15, 58, 2),
    openedAt: Date.UTC(2017, 2, 30, 15, 55, 2),
    severity: 'high',
    confidence: 'medium',
    priority: 'P2',
    attack: ['T1110.001'],
    runbook: 'Block the address at the edge.',
    samples: [
      {
        '@timestamp': '2017-03-30T15:54:19.000Z',
        event: {
          original: 'sshd[13916]: Failed password for root from 24.151.103.17 port 57310 ssh2',
          outcome: 'failure',
        },
        user: { name: 'root' },
        source: { ip: '24.151.103.17' },
      },
    ],
    ...overrides,
  };
}
