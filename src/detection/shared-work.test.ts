import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Detection, SecurityEvent } from '../core/index.ts';
import { parseIsoMillis } from '../core/index.ts';
import type { LineParser } from '../parsers/index.ts';
import { sshdParser, windowsParser } from '../parsers/index.ts';
import type { Rule } from '../rules/index.ts';
import { beginJudging, endJudging, loadRulesFromPaths } from '../rules/index.ts';
import { datasetUrl } from '../../test/support/datasets.ts';
import { createDetectionEngine } from './engine.ts';

/*
 * The engine shares work between rules: rules grouping by the same fields read an event's key and
 * find its slot once, rules testing the same `where` condition get one answer per event, and a
 * sequence judges its steps once. Here the shipped pack runs over the real sshd and Windows
 * datasets plus damaged lines, and every rule must decide exactly as it does alone.
 */
const PACK = fileURLToPath(new URL('../../rules/', import.meta.url));
const WINDOWS = 'windows/evtx-to-mitre-attack/jsonl/';

const DAMAGED_SSHD = [
  'Mar 27 13:06:56 ip-10-77-20-248 sshd[1291]: Failed password for',
  'Mar 27 13:06:56 ip-10-77-20-248 sshd[1291]: Failed password for  from 1.2.3.4 port 22 ssh2',
  'Mar 27 13:06:57 ip-10-77-20-248 sshd[1291]: Failed password for invalid user \u0000\u001f from ::ffff:10.0.0.1 port 1 ssh2',
  'Mar 27 13:06:57 ip-10-77-20-248 sshd[1291]: Failed password for ROOT from 010.001.002.003 port 99999 ssh2',
  `Mar 27 13:06:58 ip-10-77-20-248 sshd[1291]: Invalid user ${'x'.repeat(5000)} from 1.2.3.4`,
  'Mar 27 13:06:58 ip-10-77-20-248 sshd[1291]: message repeated 4 times: [ Failed password for - from - port 22 ssh2]',
  '\u00ff\u00fe garbage line without any syslog shape',
  'Mar 99 99:99:99 host sshd[x]: Accepted password for root from 1.2.3.4 port 22 ssh2',
];

const DAMAGED_WINDOWS = [
  '{"@timestamp":"2024-03-04T00:00:00.051Z","event":{"code":"4625"',
  '{"@timestamp":"2024-03-04T00:00:01.000Z","event":{"code":4625,"outcome":"FAILURE","category":"Authentication"},"winlog":{"event_data":{"TargetUserName":["a","b"],"IpAddress":"-"}}}',
  '{"@timestamp":"2024-03-04T00:00:02.000Z","event":{"code":["4625","4740"],"outcome":"failure","category":[]},"user":{"name":{"nested":true}},"source":{"ip":null}}',
  '{"@timestamp":"not a time","event":{"code":"4740"},"winlog":{"event_data":{"TargetUserName":" "}}}',
  '[1,2,3]',
  '"just a string"',
];

function parseAll(parser: LineParser, lines: readonly string[]): SecurityEvent[] {
  const events: SecurityEvent[] = [];
  for (const line of lines) parser.parseLine(line, (event) => events.push(event));
  return events;
}

function datasetEvents(): SecurityEvent[] {
  const authLog = readFileSync(datasetUrl('sshd/auth.log'), 'utf8').trimEnd().split('\n');
  const sshd = parseAll(sshdParser.create({ year: 2017 }), [...authLog, ...DAMAGED_SSHD]);
  const windowsLines = readdirSync(datasetUrl(WINDOWS))
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => readFileSync(datasetUrl(`${WINDOWS}${name}`), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '');
  const windows = parseAll(windowsParser.create({}), [...windowsLines, ...DAMAGED_WINDOWS]);
  return [...sshd, ...windows];
}

async function pack(): Promise<Rule[]> {
  const { rules, issues } = await loadRulesFromPaths([PACK]);
  expect(issues).toEqual([]);
  return rules;
}

function replay(rules: readonly Rule[], events: readonly SecurityEvent[]): Detection[] {
  const detections: Detection[] = [];
  const engine = createDetectionEngine({ rules, emit: (detection) => detections.push(detection) });
  for (let at = 0; at < events.length; at += 100) {
    const batch = events.slice(at, at + 100);
    engine.pushBatch(
      batch,
      batch.map((event) => parseIsoMillis(event['@timestamp'])),
    );
  }
  engine.flush();
  return detections;
}

describe('work the engine shares between rules', () => {
  it('gives every rule the same answer for each real or damaged event as when it is asked alone', async () => {
    const rules = await pack();
    const events = datasetEvents();
    expect(events.length).toBeGreaterThan(2500);
    let matched = 0;
    for (const event of events) {
      const alone = rules.map((rule) => rule.matches(event));
      beginJudging();
      const shared = rules.map((rule) => rule.matches(event));
      // Asked again in the same round: the answers kept for this event.
      const again = rules.map((rule) => rule.matches(event));
      endJudging();
      expect(shared).toEqual(alone);
      expect(again).toEqual(alone);
      matched += alone.filter(Boolean).length;
    }
    expect(matched).toBeGreaterThan(1000);
  });

  it('tests afresh outside a round: an event changed between two calls gets a new answer', async () => {
    const rules = await pack();
    const rule = rules.find((candidate) => candidate.id === 'ssh-brute-force-source') as Rule;
    const [event] = parseAll(sshdParser.create({ year: 2017 }), [
      'Mar 27 13:06:56 host sshd[1291]: Failed password for root from 1.2.3.4 port 22 ssh2',
    ]) as [SecurityEvent];
    beginJudging();
    expect(rule.matches(event)).toBe(true);
    endJudging();
    (event.event as Record<string, unknown>).outcome = 'success';
    expect(rule.matches(event)).toBe(false);
  });

  it('opens, updates and resolves the same episodes with the whole pack as with each rule alone', async () => {
    const rules = await pack();
    const events = datasetEvents();
    const together = replay(rules, events);
    expect(new Set(together.map((detection) => detection.ruleId)).size).toBeGreaterThan(3);
    for (const rule of rules) {
      const alone = replay([rule], events);
      expect(together.filter((detection) => detection.ruleId === rule.id)).toEqual(alone);
    }
  });
});
