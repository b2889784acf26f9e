import { describe, expect, it } from 'vitest';
import type { Detection } from '../core/index.ts';
import { newIncidentOf } from './incident.ts';

const detection: Detection = {
  state: 'opened',
  ruleId: '34fb5c3a-2ff6-487d-bfa3-717763f30b2c',
  episodeId: 'e1',
  group: { TargetUserName: 'alice' },
  count: 5,
  firstSeen: 0,
  lastSeen: 4,
  window: { start: 0, end: 4 },
  at: 4,
  samples: [],
};

describe('an incident of a rule compiled from Sigma', () => {
  it('carries the Sigma rule it came from, without the log source', () => {
    const sigma = {
      id: '34fb5c3a-2ff6-487d-bfa3-717763f30b2c',
      title: 'Brute Force',
      author: 'Hydra2113',
      references: ['https://example.org/a'],
      falsepositives: ['typos'],
      level: 'high',
      logsource: { product: 'windows' },
    };
    const incident = newIncidentOf(detection, {
      title: 'Brute Force',
      severity: 'high',
      confidence: 'low',
      attack: ['T1110'],
      sigma,
    });
    const { logsource: _logsource, ...shown } = sigma;
    expect(incident.sigma).toEqual(shown);
  });

  it('has none for a Klaxon rule', () => {
    const incident = newIncidentOf(detection, { title: 'x', severity: 'low', confidence: 'low', attack: [] });
    expect(incident).not.toHaveProperty('sigma');
  });
});
