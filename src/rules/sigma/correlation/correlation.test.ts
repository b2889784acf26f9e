import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../../core/index.ts';
import { MINUTE, SECOND, codeIs, compileText, openedBy, run, winEvent } from './testdata/harness.ts';

const FAILED = `
title: Failed logon
id: 5638f7c0-ac70-491d-8465-2a65075e0d86
name: failed_logon
logsource: { product: windows, service: security }
detection: { selection: { EventID: 4625 }, condition: selection }
level: informational
`;
const SUCCESS = `
title: Successful logon
id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
name: successful_logon
logsource: { product: windows, service: security }
detection: { selection: { EventID: 4624 }, condition: selection }
`;
const predicates = { failed_logon: codeIs('4625'), successful_logon: codeIs('4624') };

const correlation = (body: string) => `
title: The correlation
id: 0e95725d-7320-415d-80f7-004da920fc11
author: Test Author
references: [https://example.org/brute]
level: high
correlation:
${body}
---${FAILED}---${SUCCESS}`;

const fail = (offset: number, user = 'alice', ip = '10.0.0.9') =>
  winEvent(offset, '4625', { TargetUserName: user, IpAddress: ip });
const success = (offset: number, user = 'alice', ip = '10.0.0.9') =>
  winEvent(offset, '4624', { TargetUserName: user, IpAddress: ip });
const failures = (count: number, start: number, step: number, user?: string): SecurityEvent[] =>
  Array.from({ length: count }, (_, i) => fail(start + i * step, user));

const ID = '0e95725d-7320-415d-80f7-004da920fc11';

function compileValid(body: string) {
  const compiled = compileText(correlation(body), predicates);
  expect(compiled.refused).toEqual([]);
  // The correlation first; the successful-logon rule, when not referenced, makes its own incidents.
  return [...compiled.correlations, ...compiled.rules.filter((rule) => rule.id !== ID)];
}

describe('Sigma event_count', () => {
  const rules = compileValid(`
  type: event_count
  rules: [failed_logon]
  group-by: [TargetUserName, IpAddress]
  timespan: 5m
  condition: { gte: 5 }`);

  it('becomes a threshold of 5 over the referenced rule, grouped by the Sigma fields', () => {
    expect(rules[0]).toMatchObject({
      id: ID,
      type: 'threshold',
      threshold: 5,
      windowMs: 5 * MINUTE,
      severity: 'high',
    });
    expect(rules[0]?.groupBy).toEqual(['TargetUserName', 'IpAddress']);
  });

  it('one burst, one incident: the 5th failure in 5 minutes opens it, the 6th only updates it', () => {
    // alice: 1 per minute at 0..5 min (6 failures); a second burst 30 minutes later (5 failures).
    // bob: 4 failures only. Worked out by hand: alice opens twice (two bursts), bob never.
    const events = [
      ...failures(6, 0, MINUTE),
      ...failures(4, 10 * SECOND, MINUTE, 'bob'),
      ...failures(5, 30 * MINUTE, SECOND),
    ];
    const opened = openedBy(
      run(
        rules,
        events.sort((a, b) => a['@timestamp'].localeCompare(b['@timestamp'])),
      ),
      ID,
    );
    expect(opened.map((d) => [d.group, d.count, d.at - Date.parse(events[0]!['@timestamp'])])).toEqual([
      [{ TargetUserName: 'alice', IpAddress: '10.0.0.9' }, 5, 4 * MINUTE],
      [{ TargetUserName: 'alice', IpAddress: '10.0.0.9' }, 5, 30 * MINUTE + 4 * SECOND],
    ]);
  });

  it('reads the group where the detection reads the field: ECS-only documents group alike', () => {
    // Three failures with EventData, two with only the ECS names (user.name, source.ip): one group.
    const ecsOnly = (offset: number): SecurityEvent => ({
      '@timestamp': new Date(Date.parse(fail(0)['@timestamp']) + offset).toISOString(),
      event: { code: '4625' },
      user: { name: 'alice' },
      source: { ip: '10.0.0.9' },
    });
    const events = [...failures(3, 0, SECOND), ecsOnly(3 * SECOND), ecsOnly(4 * SECOND)];
    const [open] = openedBy(run(rules, events), ID);
    expect(open).toMatchObject({ group: { TargetUserName: 'alice', IpAddress: '10.0.0.9' }, count: 5 });
  });

  it('counts five failures spanning exactly the timespan, not 1 ms more', () => {
    const spanning = (last: number) => [...failures(4, 0, SECOND), fail(last)];
    expect(openedBy(run(rules, spanning(5 * MINUTE)), ID)).toHaveLength(1);
    expect(openedBy(run(rules, spanning(5 * MINUTE + 1)), ID)).toHaveLength(0);
  });

  it('does not make incidents of the referenced rule itself (generate defaults to false)', () => {
    expect(rules.map((rule) => rule.id)).not.toContain('5638f7c0-ac70-491d-8465-2a65075e0d86');
  });

  it('`gt: 4` is the same threshold as `gte: 5`', () => {
    const gt = compileValid(`
  type: event_count
  rules: [5638f7c0-ac70-491d-8465-2a65075e0d86]
  group-by: [TargetUserName]
  timespan: 5m
  condition: { gt: 4 }`);
    expect(gt[0]).toMatchObject({ type: 'threshold', threshold: 5 });
  });

  it('with generate: true the referenced rule makes its own incidents too', () => {
    const both = compileValid(`
  type: event_count
  rules: [failed_logon]
  group-by: [TargetUserName]
  timespan: 5m
  condition: { gte: 2 }
  generate: true`);
    expect(both.map((rule) => rule.id)).toContain('5638f7c0-ac70-491d-8465-2a65075e0d86');
  });
});

describe('Sigma value_count', () => {
  const rules = compileValid(`
  type: value_count
  rules: [failed_logon]
  group-by: [IpAddress]
  timespan: 10m
  condition: { field: TargetUserName, gte: 3 }`);

  it('becomes a cardinality rule on the mapped field', () => {
    expect(rules[0]).toMatchObject({
      type: 'cardinality',
      threshold: 3,
      distinct: 'winlog.event_data.TargetUserName',
    });
  });

  it('opens at the third distinct account from one address, not for one account tried many times', () => {
    const events = [
      fail(0, 'alice', '10.0.0.1'),
      fail(SECOND, 'bob', '10.0.0.1'),
      fail(2 * SECOND, 'alice', '10.0.0.1'),
      ...[3, 4, 5, 6, 7].map((s) => fail(s * SECOND, 'alice', '10.0.0.2')),
      fail(20 * SECOND, 'carol', '10.0.0.1'),
    ];
    const opened = openedBy(run(rules, events), ID);
    expect(opened.map((d) => [d.group, d.distinct?.count])).toEqual([[{ IpAddress: '10.0.0.1' }, 3]]);
    expect(opened[0]?.distinct?.values.sort()).toEqual(['alice', 'bob', 'carol']);
  });
});

describe('Sigma temporal_ordered and temporal', () => {
  it('temporal_ordered: failures followed by a success of the same account within the timespan', () => {
    const rules = compileValid(`
  type: temporal_ordered
  rules: [failed_logon, successful_logon]
  group-by: [TargetUserName]
  timespan: 10m`);
    expect(rules[0]).toMatchObject({ type: 'sequence' });
    expect(rules[0]).not.toHaveProperty('unordered');
    expect(openedBy(run(rules, [fail(0), success(MINUTE)]), ID)).toHaveLength(1);
    expect(openedBy(run(rules, [success(0), fail(MINUTE)]), ID)).toHaveLength(0);
    expect(openedBy(run(rules, [fail(0), success(10 * MINUTE + 1)]), ID)).toHaveLength(0);
    expect(openedBy(run(rules, [fail(0, 'bob'), success(MINUTE)]), ID)).toHaveLength(0);
  });

  it('temporal: both in any order within the timespan', () => {
    const rules = compileValid(`
  type: temporal
  rules: [failed_logon, successful_logon]
  group-by: [TargetUserName]
  timespan: 10m`);
    expect(rules[0]).toMatchObject({ type: 'sequence', unordered: { required: 2 } });
    expect(openedBy(run(rules, [success(0), fail(MINUTE)]), ID)).toHaveLength(1);
    expect(openedBy(run(rules, [fail(0), success(MINUTE)]), ID)).toHaveLength(1);
    expect(openedBy(run(rules, [success(0), fail(11 * MINUTE)]), ID)).toHaveLength(0);
  });

  it('aliases: one address named differently by each rule forms one group', () => {
    const text = `
title: Error then connection
id: 1b4c6a2e-0000-4000-8000-000000000001
correlation:
  type: temporal
  rules: [internal_error, new_network_connection]
  group-by: [internal_ip, remote_ip]
  timespan: 10s
  aliases:
    internal_ip: { internal_error: destination.ip, new_network_connection: source.ip }
    remote_ip: { internal_error: source.ip, new_network_connection: destination.ip }
---
title: Internal error
id: 1b4c6a2e-0000-4000-8000-000000000002
name: internal_error
logsource: { category: webserver }
detection: { selection: { sc-status: 500 }, condition: selection }
---
title: New connection
id: 1b4c6a2e-0000-4000-8000-000000000003
name: new_network_connection
logsource: { category: network_connection }
detection: { selection: { event.type: connection }, condition: selection }
`;
    const kindIs = (kind: string) => (e: SecurityEvent) => e.event.kind === kind;
    const { rules, refused } = compileText(text, {
      internal_error: kindIs('error'),
      new_network_connection: kindIs('connection'),
    });
    expect(refused).toEqual([]);
    const at = (offset: number, kind: string, source: string, destination: string): SecurityEvent => ({
      '@timestamp': new Date(Date.UTC(2024, 0, 1) + offset).toISOString(),
      event: { kind },
      source: { ip: source },
      destination: { ip: destination },
    });
    // The server 10.0.0.5 errs for 203.0.113.7, then connects out to it: one group.
    const same = [
      at(0, 'error', '203.0.113.7', '10.0.0.5'),
      at(5 * SECOND, 'connection', '10.0.0.5', '203.0.113.7'),
    ];
    const [open] = openedBy(run(rules, same), '1b4c6a2e-0000-4000-8000-000000000001');
    expect(open?.group).toEqual({ internal_ip: '10.0.0.5', remote_ip: '203.0.113.7' });
    // Connecting to another address is another group.
    const other = [same[0]!, at(5 * SECOND, 'connection', '10.0.0.5', '198.51.100.1')];
    expect(openedBy(run(rules, other), '1b4c6a2e-0000-4000-8000-000000000001')).toHaveLength(0);
  });
});

describe('Sigma correlations Klaxon refuses, naming the construct', () => {
  const refusal = (body: string, text = correlation(body)) =>
    compileText(text, predicates).refused.map((r) => r.reason);

  it('an upper bound (lt), which needs the timespan to close', () => {
    const [reason] = refusal(`
  type: event_count
  rules: [failed_logon]
  group-by: [TargetUserName]
  timespan: 1h
  condition: { lt: 3 }`);
    expect(reason).toMatch(/^correlation\.condition: condition `lt: 3` is not supported/);
  });

  it('a reference to no loaded rule, and a chained correlation', () => {
    expect(
      refusal(`
  type: event_count
  rules: [nothing_like_this]
  group-by: [TargetUserName]
  timespan: 1h
  condition: { gte: 3 }`),
    ).toEqual([
      'correlation.rules: `nothing_like_this` is not the name or id of any Sigma rule loaded with it',
    ]);
    const chained = `${correlation(`
  type: event_count
  rules: [failed_logon]
  group-by: [TargetUserName]
  timespan: 1h
  condition: { gte: 3 }`)}---
title: Chained
correlation: { type: temporal, rules: [0e95725d-7320-415d-80f7-004da920fc11, successful_logon], group-by: [TargetUserName], timespan: 1h }
`;
    expect(refusal('', chained)).toEqual([
      'correlation.rules: `0e95725d-7320-415d-80f7-004da920fc11` is itself a correlation: chaining correlations is not supported',
    ]);
  });

  it('a timespan without a Sigma unit, and value_count without field', () => {
    expect(
      refusal(`
  type: event_count
  rules: [failed_logon]
  timespan: 1w
  condition: { gte: 3 }`)[0],
    ).toMatch(/^correlation\.timespan: expected a number and one of s, m, h, d/);
    expect(
      refusal(`
  type: value_count
  rules: [failed_logon]
  timespan: 1h
  condition: { gte: 3 }`)[0],
    ).toMatch(/value_count needs `field`/);
  });
});
