import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.ts';
import { parseLines, sshdParser } from '../parsers/index.ts';
import type { Prefilter } from '../rules/index.ts';
import { datasetUrl } from '../../test/support/datasets.ts';
import { RuleIndex } from './rule-index.ts';

/*
 * A field index answers an event whose value is the text the event before had from that lookup
 * (lookupOnce). A warm index must find for every event what an index that never saw another
 * event finds: on the sshd events of a real auth.log, and on any run of values of any type.
 */

interface Item {
  name: string;
  prefilter?: Prefilter;
}

/** Prefilters like the shipped pack's: actions, categories, datasets, codes (one in capitals). */
const ITEMS: Item[] = [
  { name: 'login', prefilter: { field: 'event.action', values: ['ssh_login'] } },
  { name: 'pam', prefilter: { field: 'event.action', values: ['ssh_pam_auth_failure', 'ssh_login'] } },
  { name: 'app', prefilter: { field: 'event.action', values: ['login'] } },
  { name: 'auth', prefilter: { field: 'event.category', values: ['authentication'] } },
  { name: 'session', prefilter: { field: 'event.category', values: ['session'] } },
  { name: 'web', prefilter: { field: 'event.dataset', values: ['web.access'] } },
  { name: 'code', prefilter: { field: 'event.code', values: ['4625', 'true'] } },
  { name: 'always' },
];

const candidates = (index: RuleIndex<Item>, event: SecurityEvent): string[] => {
  const seen: string[] = [];
  index.forEachCandidate(event, (item) => seen.push(item.name));
  return seen.sort();
};

/** For each event, the candidates of the warm index and of a fresh one (never lets them differ silently). */
function compare(events: readonly SecurityEvent[]): { warm: string[][]; fresh: string[][] } {
  const index = new RuleIndex(ITEMS);
  return {
    warm: events.map((event) => candidates(index, event)),
    fresh: events.map((event) => candidates(new RuleIndex(ITEMS), event)),
  };
}

describe('RuleIndex answers a repeated value from its last lookup', () => {
  it('finds the same rules for every event of a real auth.log as a fresh index does', () => {
    const lines = readFileSync(datasetUrl('sshd/auth.log'), 'utf8').trimEnd().split('\n');
    const { events } = parseLines(sshdParser.create({ year: 2024 }), lines);
    expect(events.length).toBeGreaterThan(1_000);
    const { warm, fresh } = compare(events);
    expect(warm).toEqual(fresh);
    // The comparison means something: the events do reach the indexed rules, and not all alike.
    expect(new Set(warm.map((names) => names.join())).size).toBeGreaterThan(2);
  });

  it('finds the same rules as a fresh index for any run of values, in capitals, numbers and lists', () => {
    const value = fc.constantFrom<unknown>(
      'ssh_login',
      'SSH_LOGIN',
      'Ssh_Login',
      'login',
      'ssh_pam_auth_failure',
      'other',
      4625,
      '4625',
      true,
      'true',
      null,
      undefined,
      ['authentication', 'session'],
      ['AUTHENTICATION'],
      [],
      { nested: 'ssh_login' },
    );
    const event = fc
      .record({ action: value, category: value, dataset: value, code: value })
      .map((fields) => ({ '@timestamp': '2025-01-01T00:00:00.000Z', event: fields }) as SecurityEvent);
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const { warm, fresh } = compare(events);
        expect(warm).toEqual(fresh);
      }),
      { numRuns: 300 },
    );
  });

  it('tells a value apart from the one before that differs only in case', () => {
    const index = new RuleIndex(ITEMS);
    const event = (action: string) => ({ event: { action } }) as unknown as SecurityEvent;
    expect(candidates(index, event('SSH_LOGIN'))).toEqual(['always', 'login', 'pam']);
    expect(candidates(index, event('ssh_login'))).toEqual(['always', 'login', 'pam']);
    expect(candidates(index, event('Login'))).toEqual(['always', 'app']);
    expect(candidates(index, event('other'))).toEqual(['always']);
    expect(candidates(index, event('other'))).toEqual(['always']);
  });
});
