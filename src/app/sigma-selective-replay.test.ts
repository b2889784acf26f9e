import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../../test/support/datasets.ts';
import { SIGMA_CORPUS } from '../../test/support/sigma-corpus.ts';
import type { Rule } from '../rules/index.ts';
import { fieldsReadByRules } from '../rules/index.ts';
import { fieldsToKeep } from './parallel/light-events.ts';
import { loadRules } from './load-rules.ts';
import type { ReplayOptions, ReplayReport } from './replay.ts';
import { runReplay } from './replay.ts';
import { hostileVariants, plantedEvents } from './testdata/sigma-planted-events.ts';

// The SigmaHQ sample of the bench and the repository's own Sigma rules, replayed reading whole
// events, reading only the fields the rules say they read, and on worker threads (light events):
// the incidents must be the same. Events: the real Windows datasets, and documents that plant the
// rules' own literals in their fields (so that most rules fire), each also in hostile shapes.
const SIGMA_TESTDATA = new URL('../rules/sigma/testdata/', import.meta.url).pathname;
const windowsDir = join(DATASETS, 'windows/evtx-to-mitre-attack/jsonl');
const dir = mkdtempSync(join(tmpdir(), 'klaxon-sigma-selective-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A rule whose fields are names every object inherits: the events' own such fields only. */
const ODD_NAMES = `
title: Inherited names
id: 7c0ffee0-0000-4000-8000-00000000000a
logsource: { category: process_creation, product: windows }
detection:
  own: { constructor|contains: alice }
  odd: { toString|exists: true, __proto__|exists: true, toJSON|exists: true }
  condition: own or odd
`;

let all: Rule[];
let finite: Rule[];
let inputs: string[];

beforeAll(async () => {
  writeFileSync(join(dir, 'odd-names.yml'), ODD_NAMES);
  const folders = [SIGMA_CORPUS, join(SIGMA_TESTDATA, 'replay'), join(SIGMA_TESTDATA, 'linux')];
  all = await loadRules([...folders, join(dir, 'odd-names.yml')]);
  finite = all.filter((rule) => rule.reads !== undefined);
  const real = readdirSync(windowsDir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(join(windowsDir, name), 'utf8').split('\n'))
    .filter((line) => line !== '');
  const planted = plantedEvents(finite).map((doc) => JSON.stringify(doc));
  // Two files: each is guarded against time outliers on its own (years apart).
  inputs = [write('real.jsonl', real), write('planted.ndjson', planted)];
});

function write(name: string, lines: string[]): string {
  const path = join(dir, name);
  const withHostile = lines.flatMap((line, i) => [line, ...hostileVariants(line, i)]);
  writeFileSync(path, `${withHostile.join('\n')}\n`);
  return path;
}

/** Everything a replay reports, as JSON (evidence written whole), the threads used aside. */
function outcome(report: ReplayReport): unknown {
  const { incidents, cases, totals, engine, detections } = report;
  return JSON.parse(JSON.stringify({ incidents, cases, totals, engine, detections }));
}

async function replay(rules: Rule[], options: Partial<ReplayOptions>): Promise<ReplayReport> {
  return runReplay({ inputs, rules, format: 'windows', ...options });
}

/** Whole events; selective on the main thread; light events from workers in small ranges. */
async function threeWays(rules: Rule[]): Promise<{ whole: unknown; slim: unknown; light: unknown }> {
  const whole = await replay(rules, { wholeEvents: true, threads: 1 });
  const slim = await replay(rules, { threads: 1 });
  const light = await replay(rules, { threads: 2, rangeBytes: 16 * 1024, mainThreadParses: false });
  expect(light.files.map((file) => file.threads)).toEqual([2, 2]);
  return { whole: outcome(whole), slim: outcome(slim), light: outcome(light) };
}

describe('Sigma rules read only the fields they name', () => {
  it('say they read the whole event only when they search keywords', () => {
    const whole = all.filter((rule) => rule.reads === undefined).map((rule) => rule.source.file);
    expect(whole.map((file) => file.slice(file.lastIndexOf('/') + 1)).sort()).toEqual([
      'mssql-login-failed.yml',
      // `filter_optional_third_party` is a bare list of values: a keyword search.
      'net_connection_win_rdp_outbound_over_non_standard_tools.yml',
      'sshd-invalid-user.yml',
    ]);
    expect(finite.length).toBeGreaterThan(150);
    expect(fieldsReadByRules(all)).toBeUndefined();
    expect(fieldsReadByRules(finite)).toContain('winlog.event_data.CommandLine');
    expect(fieldsToKeep(finite)).toBeDefined();
  });

  it('find the same incidents in real and planted events, hostile ones among them, whole, slim and light', async () => {
    const { whole, slim, light } = await threeWays(finite);
    const incidents = (whole as { incidents: { ruleId: string }[] }).incidents;
    const fired = new Set(incidents.map((incident) => incident.ruleId));
    expect(fired.size).toBeGreaterThan(50);
    expect(fired).toContain('7c0ffee0-0000-4000-8000-00000000000a');
    const skipped = (whole as { totals: { skipped: Record<string, number> } }).totals.skipped;
    expect(skipped['invalid-json']).toBeGreaterThan(100);
    expect(slim).toEqual(whole);
    expect(light).toEqual(whole);
  }, 120_000);

  it('would find fewer incidents if a rule did not say it reads its event data (the check can fail)', async () => {
    const trimmed = finite.map((rule) => ({
      ...rule,
      reads: (rule.reads ?? []).filter((field) => !field.startsWith('winlog.event_data.')),
    }));
    const whole = outcome(await replay(trimmed, { wholeEvents: true, threads: 1 }));
    const slim = outcome(await replay(trimmed, { threads: 1 }));
    expect(slim).not.toEqual(whole);
  }, 60_000);

  it('replay every event whole when a keyword rule is loaded, with the same incidents', async () => {
    const withKeywords = await replay(all, { threads: 1 });
    const wholeEvents = await replay(all, { wholeEvents: true, threads: 1 });
    expect(outcome(withKeywords)).toEqual(outcome(wholeEvents));
  }, 60_000);
});
