import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.ts';
import { loadRulesFromText } from './load-rules.ts';
import { datasetUrl } from '../../test/support/datasets.ts';

// Winlogbeat-shaped records of a lab Kerberos brute force (see shared/datasets/README.md).
const KERBEROS = datasetUrl(
  'windows/evtx-to-mitre-attack/jsonl/ID4768-4771-Kerberos_brutforce_with_non_existing_users.jsonl',
);

function readEvents(url: URL): SecurityEvent[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SecurityEvent);
}

function countMatches(where: string, events: SecurityEvent[]): number {
  const text = `id: probe\ntitle: Probe\ntype: match\nseverity: info\nwhere:\n${where}`;
  const { rules, issues } = loadRulesFromText(text, 'probe.yml');
  expect(issues).toEqual([]);
  const [rule] = rules;
  return events.filter((event) => rule?.matches(event)).length;
}

describe('where on real Windows events', () => {
  const events = readEvents(KERBEROS);

  it('reads all 52 records of the capture', () => {
    expect(events).toHaveLength(52);
  });

  it('counts pre-authentication failures for unknown users (4768, status 0x6) from the attacking subnet', () => {
    const where = [
      '  event.code: 4768',
      '  winlog.event_data.Status: 0x00000006',
      '  winlog.event_data.IpAddress|cidr: 10.23.123.0/24',
    ].join('\n');
    expect(countMatches(where, events)).toBe(46);
  });

  it('matches the unquoted 64-bit audit-failure keyword as written', () => {
    expect(countMatches('  winlog.keywords: 0x8010000000000000', events)).toBe(49);
  });

  it('matches IPv4-mapped addresses by IPv4 prefix and excludes with unless', () => {
    expect(countMatches('  winlog.event_data.IpAddress|cidr: 10.23.42.0/24', events)).toBe(1);
    const where = '  event.code: [4768, 4771]\nunless:\n  winlog.event_data.Status: [0x0, 0x00000000]';
    expect(countMatches(where, events)).toBe(49);
  });
});
