import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../core/index.ts';
import { CaseBook } from './case-assignment.ts';
import type { CaseSpan } from './cases.ts';
import { chooseCase, entitiesOf, widenCase } from './cases.ts';

const MIN = 60_000;

/** CaseBook as it was: chooseCase and widenCase over copied, sorted entity lists (the slow path). */
class ReferenceBook {
  private readonly cases: CaseSpan[] = [];
  private readonly members = new Map<number, number[]>();

  assign(incident: Incident): number {
    const span = {
      entities: entitiesOf(incident),
      firstSeen: incident.firstSeen,
      lastSeen: incident.lastSeen,
    };
    const choice = chooseCase(span, this.cases);
    if ('join' in choice) {
      const index = this.cases.findIndex((c) => c.id === choice.join);
      this.cases[index] = widenCase(this.cases[index] as CaseSpan, span);
      this.members.get(choice.join)?.push(incident.serial);
      return choice.join;
    }
    this.cases.push({ id: incident.serial, ...span });
    this.members.set(incident.serial, [incident.serial]);
    return incident.serial;
  }

  extend(caseId: number, lastSeen: number): void {
    const found = this.cases.find((c) => c.id === caseId);
    if (found && found.lastSeen < lastSeen) found.lastSeen = lastSeen;
  }

  list() {
    return this.cases.map((c) => ({
      ...c,
      entities: [...c.entities],
      serials: [...(this.members.get(c.id) ?? [])],
    }));
  }
}

const ips = ['203.0.113.9', '198.51.100.1', '192.0.2.7', '-'];
const users = ['root', 'Admin', 'admin', 'finn', ''];

type Step = {
  ip: string;
  user: string;
  sampleUser: string;
  start: number;
  length: number;
  extendBy?: number | undefined;
};

const step: fc.Arbitrary<Step> = fc.record({
  ip: fc.constantFrom(...ips),
  user: fc.constantFrom(...users),
  sampleUser: fc.constantFrom(...users),
  start: fc.integer({ min: 0, max: 120 }),
  length: fc.integer({ min: 0, max: 30 }),
  extendBy: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
});

function incidentOf(s: Step, serial: number): Incident {
  const group: Record<string, string> = {};
  if (s.ip !== '-') group['source.ip'] = s.ip;
  if (s.user !== '') group['user.name'] = s.user;
  const samples = s.sampleUser === '' ? [] : [{ '@timestamp': '', event: {}, user: { name: s.sampleUser } }];
  return {
    serial,
    group,
    samples,
    firstSeen: s.start * MIN,
    lastSeen: (s.start + s.length) * MIN,
  } as unknown as Incident;
}

describe('CaseBook', () => {
  it('assigns and lists the cases the copying chooseCase/widenCase book does, in any order of incidents', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const fast = new CaseBook();
        const slow = new ReferenceBook();
        steps.forEach((s, i) => {
          const incident = incidentOf(s, i + 1);
          const caseId = slow.assign(incident);
          expect(fast.assign(incident)).toBe(caseId);
          if (s.extendBy !== undefined) {
            slow.extend(caseId, incident.lastSeen + s.extendBy * MIN);
            fast.extend(caseId, incident.lastSeen + s.extendBy * MIN);
          }
        });
        expect(fast.list()).toEqual(slow.list());
      }),
      { numRuns: 300 },
    );
  });
});
