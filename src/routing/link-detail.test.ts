import { describe, expect, it } from 'vitest';
import { hideIncidentDetail } from './link-detail.ts';
import { makeIncident } from './testdata/make-incident.ts';

describe('hideIncidentDetail', () => {
  it('keeps serial, priority, status and times, and drops everything that names someone', () => {
    const incident = makeIncident({
      status: 'resolved',
      resolvedAt: 5,
      resolvedBy: 'alice',
      resolution: 'blocked 24.151.103.17',
      assignee: 'bob',
      distinct: { field: 'user.name', count: 2, values: ['root', 'admin'] },
      previousSerial: 41,
    });
    const hidden = hideIncidentDetail(incident);
    expect(hidden).toMatchObject({
      serial: 42,
      priority: 'P2',
      status: 'resolved',
      resolvedAt: 5,
      count: 12,
    });
    const text = JSON.stringify(hidden);
    for (const word of ['24.151.103.17', 'root', 'admin', 'alice', 'bob', 'ssh', 'SSH', 'T1110', 'Block']) {
      expect(text).not.toContain(word);
    }
  });
});
