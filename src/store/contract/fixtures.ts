import { readFileSync } from 'node:fs';
import type { SecurityEvent } from '../../core/index.ts';
import type { IncidentProgress, NewIncident, Store } from '../store.ts';
import { datasetUrl } from '../../../test/support/datasets.ts';

export type OpenStore = () => Promise<Store>;

const WINDOWS_BRUTE_FORCE = datasetUrl(
  'windows/evtx-to-mitre-attack/jsonl/ID4625-OpenSSH_brutforce_with_valid_users.jsonl',
);

/** The first lines of a real Winlogbeat export (nested objects, raw XML with quotes and backslashes). */
export const REAL_LINES: string[] = readFileSync(WINDOWS_BRUTE_FORCE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .slice(0, 3);

/** Those lines' events, as evidence. */
export const REAL_SAMPLES: SecurityEvent[] = REAL_LINES.map((line) => JSON.parse(line) as SecurityEvent);

let episodes = 0;

export function newIncident(overrides: Partial<NewIncident> = {}): NewIncident {
  episodes += 1;
  return {
    episodeId: `ssh-brute-force-source:203.0.113.9:${episodes}`,
    ruleId: 'ssh-brute-force-source',
    title: 'SSH brute force from one source',
    group: { 'source.ip': '203.0.113.9' },
    count: 5,
    firstSeen: 1_000,
    lastSeen: 5_000,
    openedAt: 5_000,
    severity: 'high',
    confidence: 'medium',
    priority: 'P2',
    attack: ['T1110.001'],
    samples: REAL_SAMPLES.slice(0, 1),
    ...overrides,
  };
}

export function progressOf(
  count: number,
  lastSeen: number,
  extra: Partial<IncidentProgress> = {},
): IncidentProgress {
  return { count, firstSeen: 1_000, lastSeen, samples: REAL_SAMPLES.slice(0, 2), ...extra };
}
