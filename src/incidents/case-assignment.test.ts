import { describe, expect, it } from 'vitest';
import type { Incident, SecurityEvent } from '../core/index.ts';
import type { CaseRepository, CaseSpanRow } from '../store/index.ts';
import { assignCase, readCasesFor } from './case-assignment.ts';
import { entitiesOf } from './cases.ts';

/** Cases kept in memory: what assignCase puts, and the entities each read asked for. */
function memoryCases(): CaseRepository & { puts: CaseSpanRow[]; asked: string[][] } {
  const puts: CaseSpanRow[] = [];
  const asked: string[][] = [];
  const unused = () => Promise.reject(new Error('not used here'));
  return {
    puts,
    asked,
    active: unused,
    candidates: (_since, entities) => {
      asked.push([...entities]);
      return Promise.resolve([]);
    },
    put: (span) => Promise.resolve(void puts.push(span)),
    join: unused,
    extend: () => Promise.resolve(),
    get: unused,
    getMany: unused,
    list: unused,
    sharing: unused,
  };
}

const at = '2026-03-02T10:00:00.000Z';
const samples: SecurityEvent[] = [
  { '@timestamp': at, event: { code: '4625' }, source: { ip: '203.0.113.9' }, user: { name: 'Root' } },
  { '@timestamp': at, event: { code: '4625' }, source: { ip: '198.51.100.4' }, user: { name: 'admin' } },
];

function incident(serial: number, group: Record<string, string>): Incident {
  return {
    serial,
    episodeId: `e${serial}`,
    ruleId: 'r',
    title: 't',
    status: 'open',
    group,
    count: 5,
    firstSeen: 1_000,
    lastSeen: 5_000,
    openedAt: 5_000,
    severity: 'high',
    confidence: 'medium',
    priority: 'P2',
    attack: [],
    samples: [],
  };
}

describe('assignCase after readCasesFor', () => {
  it('puts the incident in a case about the entities its group and evidence name', async () => {
    const cases = memoryCases();
    const group = { 'user.name': 'zoe', 'host.name': 'DC1' };
    await readCasesFor(cases, [{ group, samples, firstSeen: 1_000 }]);
    // The store's incident: its group a parsed copy, its samples not read (the opening's given).
    await assignCase(cases, incident(4, { ...group }), samples);
    const expected = entitiesOf({ group, samples });
    expect(cases.asked).toEqual([expected, expected]);
    expect(cases.puts.map((span) => span.entities)).toEqual([expected]);
    expect(expected).toContain('host.name=dc1');
  });

  it('works the entities out again for the same evidence under a group naming others', async () => {
    const cases = memoryCases();
    await readCasesFor(cases, [{ group: { 'user.name': 'zoe' }, samples, firstSeen: 1_000 }]);
    await assignCase(cases, incident(5, { 'user.name': 'finn' }), samples);
    const entities = cases.puts[0]?.entities;
    expect(entities).toEqual(entitiesOf({ group: { 'user.name': 'finn' }, samples }));
    expect(entities).toContain('user.name=finn');
    expect(entities).not.toContain('user.name=zoe');
    // Taken once: a second opening with that evidence works them out too.
    await assignCase(cases, incident(6, { 'user.name': 'zoe' }), samples);
    expect(cases.puts[1]?.entities).toContain('user.name=zoe');
  });
});
