import type { Incident, SecurityEvent } from '../../../core/index.ts';
import type { NewIncident, Store } from '../../../store/index.ts';

let episodes = 0;

export function failedSshLogin(at: number, ip = '203.0.113.9', user = 'root'): SecurityEvent {
  return {
    '@timestamp': new Date(at).toISOString(),
    event: { category: ['authentication'], action: 'ssh_login', outcome: 'failure' },
    user: { name: user },
    source: { ip },
    service: { name: 'sshd' },
  };
}

/** Opens an incident of the SSH brute force rule (override anything). */
export function openIncident(store: Store, overrides: Partial<NewIncident> = {}): Promise<Incident> {
  episodes += 1;
  const openedAt = overrides.openedAt ?? Date.UTC(2026, 2, 2, 11);
  return store.incidents.open({
    episodeId: `ssh-brute-force-source:${episodes}`,
    ruleId: 'ssh-brute-force-source',
    title: 'SSH brute force from one source',
    group: { 'source.ip': '203.0.113.9' },
    count: 5,
    firstSeen: openedAt - 40_000,
    lastSeen: openedAt,
    openedAt,
    severity: 'high',
    confidence: 'medium',
    priority: 'P2',
    attack: ['T1110.001'],
    samples: [failedSshLogin(openedAt)],
    ...overrides,
  });
}
