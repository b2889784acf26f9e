import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.ts';
import { CASE_GAP_MS, chooseCase, entitiesOf, widenCase } from './cases.ts';

const MIN = 60_000;
const sample = (fields: Record<string, unknown>): SecurityEvent => ({
  '@timestamp': '2026-03-02T10:00:00.000Z',
  event: {},
  ...fields,
});

describe('entitiesOf', () => {
  it('takes address, account and host from the group and address and account from the evidence', () => {
    const entities = entitiesOf({
      group: { 'user.name': 'Root', 'host.name': 'web1' },
      samples: [sample({ source: { ip: '203.0.113.9' }, host: { name: 'db1' } })],
    });
    expect(entities).toEqual(['host.name=web1', 'source.ip=203.0.113.9', 'user.name=root']);
  });
});

describe('chooseCase', () => {
  const open = [
    { id: 1, entities: ['source.ip=203.0.113.9'], firstSeen: 0, lastSeen: 10 * MIN },
    { id: 4, entities: ['user.name=root'], firstSeen: 5 * MIN, lastSeen: 12 * MIN },
  ];

  it('joins the earliest case that shares an entity in overlapping time', () => {
    const incident = {
      entities: ['source.ip=203.0.113.9', 'user.name=root'],
      firstSeen: 8 * MIN,
      lastSeen: 9 * MIN,
    };
    expect(chooseCase(incident, open)).toEqual({ join: 1 });
  });

  it('opens a case when no entity is shared', () => {
    expect(chooseCase({ entities: ['source.ip=198.51.100.1'], firstSeen: 0, lastSeen: MIN }, open)).toEqual({
      open: true,
    });
  });

  it('opens a case when the same address comes back after the quiet gap', () => {
    const later = 10 * MIN + CASE_GAP_MS + 1;
    expect(
      chooseCase({ entities: ['source.ip=203.0.113.9'], firstSeen: later, lastSeen: later }, open),
    ).toEqual({
      open: true,
    });
    const within = 10 * MIN + CASE_GAP_MS;
    expect(
      chooseCase({ entities: ['source.ip=203.0.113.9'], firstSeen: within, lastSeen: within }, open),
    ).toEqual({
      join: 1,
    });
  });

  it('widens a case by the entities and times of a joining incident', () => {
    const wider = widenCase(open[0]!, { entities: ['user.name=root'], firstSeen: -MIN, lastSeen: 20 * MIN });
    expect(wider).toEqual({
      id: 1,
      entities: ['source.ip=203.0.113.9', 'user.name=root'],
      firstSeen: -MIN,
      lastSeen: 20 * MIN,
    });
  });
});
