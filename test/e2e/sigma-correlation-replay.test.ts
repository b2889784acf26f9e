import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASETS, jsonLines, runCli } from './run-cli.ts';

// Sigma correlations and a filter written for these tests (published format), replayed over the
// EVTX-to-MITRE-Attack samples (CC0) as .evtx; the expected incidents are worked out from the
// records' own fields below, without Klaxon.
const RULES = new URL('../../src/rules/sigma/correlation/testdata/replay/', import.meta.url).pathname;
const RAW = `${DATASETS}windows/evtx-to-mitre-attack/raw/`;
const JSONL = `${DATASETS}windows/evtx-to-mitre-attack/jsonl/`;
const evtxFiles = readdirSync(RAW).map((name) => `${RAW}${name}`);

type Doc = { '@timestamp': string; event: { code: string }; winlog: { event_data?: Record<string, string> } };
const records = readdirSync(JSONL).flatMap(
  (name) => jsonLines(readFileSync(`${JSONL}${name}`, 'utf8')) as unknown as Doc[],
);
const data = (doc: Doc) => doc.winlog.event_data ?? {};
const at = (doc: Doc) => Date.parse(doc['@timestamp']);
const present = (value: string | undefined): value is string =>
  value !== undefined && value !== '-' && value !== '';

const BURST = '5d7e9f10-2a3b-4c5d-8e6f-7a8b9c0d1e2f';
const SPRAY = '6e8fa021-3b4c-4d5e-9f60-8b9c0d1e2f30';
const CHAIN = '7f90b132-4c5d-4e6f-a071-9c0d1e2f3041';
const BASE_RULES = [
  '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  '1b2c3d4e-5f60-4b7c-8d9e-0f1a2b3c4d5e',
  '2c3d4e5f-6071-4c8d-9e0f-1a2b3c4d5e6f',
  '3d4e5f60-7182-4d9e-8f1a-2b3c4d5e6f70',
];

/** Records by a key, in time order. */
function byKey(docs: Doc[], key: (doc: Doc) => string | undefined): Map<string, Doc[]> {
  const groups = new Map<string, Doc[]>();
  for (const doc of docs) {
    const value = key(doc);
    if (present(value)) groups.set(value, [...(groups.get(value) ?? []), doc]);
  }
  for (const docs of groups.values()) docs.sort((a, b) => at(a) - at(b));
  return groups;
}

const failures = byKey(
  records.filter((doc) => doc.event.code === '4625'),
  (doc) => data(doc).TargetUserName,
);
const unknownPrincipals = byKey(
  records.filter((doc) => doc.event.code === '4768' && data(doc).Status === '0x00000006'),
  (doc) => data(doc).IpAddress,
);

describe('Sigma correlations and a filter in klaxon replay over real Windows logs', async () => {
  const run = await runCli('replay', '--json', '--rules', RULES, ...evtxFiles);
  const incidents = jsonLines(run.stdout);
  const of = (rule: string) => incidents.filter((incident) => incident.rule === rule);

  it('loads the Sigma rules, correlations and the filter', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/refused/);
  });

  it('event_count: one incident per burst of 5+ failures of one account; the filtered account has none', () => {
    // Each account's failures come in one burst of a few seconds, far less than the 5 minutes.
    for (const docs of failures.values()) expect(at(docs.at(-1)!) - at(docs[0]!)).toBeLessThan(60_000);
    const expected = [...failures]
      .filter(([user, docs]) => docs.length >= 5 && user !== 'Admin')
      .map(([user, docs]) => ({ user, count: docs.length }));
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(failures.get('Admin')?.length).toBeGreaterThanOrEqual(5);
    const got = of(BURST).map((i) => ({
      user: (i.group as Record<string, string>).TargetUserName,
      count: i.count,
    }));
    expect(sortBy(got)).toEqual(sortBy(expected));
  });

  it('value_count: one incident per address asking for 10+ unknown principals within a minute', () => {
    const expected = [...unknownPrincipals]
      .filter(([, docs]) => new Set(docs.map((doc) => data(doc).TargetUserName)).size >= 10)
      .map(([ip]) => ip);
    expect(expected.length).toBeGreaterThan(0);
    for (const ip of expected) {
      const docs = unknownPrincipals.get(ip)!;
      expect(at(docs.at(-1)!) - at(docs[0]!)).toBeLessThan(60_000);
    }
    const got = of(SPRAY);
    expect(got.map((i) => (i.group as Record<string, string>).IpAddress).sort()).toEqual(expected.sort());
    expect((got[0]?.distinct as { count: number }).count).toBeGreaterThanOrEqual(10);
  });

  it('temporal_ordered: 4648 then 4624 of the same account within a minute, once per account', () => {
    const explicit = byKey(
      records.filter((doc) => doc.event.code === '4648'),
      (doc) => data(doc).TargetUserName,
    );
    const logons = byKey(
      records.filter((doc) => doc.event.code === '4624'),
      (doc) => data(doc).TargetUserName,
    );
    const expected = [...explicit]
      .filter(([user, docs]) =>
        docs.some((first) =>
          (logons.get(user) ?? []).some((then) => at(then) >= at(first) && at(then) - at(first) <= 60_000),
        ),
      )
      .map(([user]) => user);
    expect(expected.length).toBeGreaterThan(0);
    expect(
      of(CHAIN)
        .map((i) => (i.group as Record<string, string>).TargetUserName)
        .sort(),
    ).toEqual(expected.sort());
  });

  it('the referenced rules make no incidents of their own, and incidents name their Sigma rule', () => {
    expect(incidents.filter((incident) => BASE_RULES.includes(incident.rule as string))).toEqual([]);
    expect(of(BURST)[0]).toMatchObject({
      title: 'Burst Of Failed Logons For One Account',
      sigma: {
        id: BURST,
        title: 'Burst Of Failed Logons For One Account',
        author: 'Klaxon tests',
        falsepositives: ['A user retrying an expired password'],
      },
    });
    expect((of(BURST)[0]?.sigma as { references: string[] }).references[0]).toMatch(
      /^https:\/\/learn\.microsoft\.com\//,
    );
  });
});

function sortBy<T extends { user: string | undefined }>(items: T[]): T[] {
  return [...items].sort((a, b) => String(a.user).localeCompare(String(b.user)));
}
