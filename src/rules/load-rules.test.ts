import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/index.ts';
import type { SecurityEvent } from '../core/index.ts';
import { loadRulesFromPaths, loadRulesFromText } from './load-rules.ts';
import type { AbsenceRule, CardinalityRule, SequenceRule, ThresholdRule } from './model.ts';

const testdata = (name: string): string => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));

function makeEvent(fields: Record<string, unknown>): SecurityEvent {
  return { '@timestamp': '2024-01-01T00:00:00Z', event: {}, ...fields } as SecurityEvent;
}

describe('loadRulesFromPaths', () => {
  it('loads every rule of a directory tree in sorted order, skipping dot-files and other extensions', async () => {
    const { rules, issues } = await loadRulesFromPaths([testdata('valid')]);
    expect(issues).toEqual([]);
    expect(rules.map((rule) => rule.id)).toEqual([
      'ssh-success-after-failures',
      'auth-log-silent',
      'password-spraying',
      'admin-url-probe',
      'ssh-brute-force-source',
    ]);
    expect(rules.map((rule) => rule.source)).toEqual([
      { file: testdata('valid/nested/sequence-and-absence.yml'), line: 1 },
      { file: testdata('valid/nested/sequence-and-absence.yml'), line: 19 },
      { file: testdata('valid/pack.yaml'), line: 2 },
      { file: testdata('valid/pack.yaml'), line: 16 },
      { file: testdata('valid/ssh-brute-force.yml'), line: 1 },
    ]);
  });

  it('compiles a threshold rule with all its fields', async () => {
    const { rules } = await loadRulesFromPaths([testdata('valid/ssh-brute-force.yml')]);
    const rule = rules[0] as ThresholdRule;
    expect(rule).toMatchObject({
      id: 'ssh-brute-force-source',
      title: 'SSH brute force from one source',
      type: 'threshold',
      enabled: true,
      threshold: 5,
      groupBy: ['source.ip'],
      windowMs: 300_000,
      resolveAfterMs: 900_000,
      cooldownMs: 600_000,
      severity: 'high',
      confidence: 'medium',
      attack: ['T1110.001'],
      tags: [],
    });
    expect(rule.runbook).toMatch(/^Block the source address/);
    const failure = {
      event: { category: ['authentication'], outcome: 'failure' },
      service: { name: 'sshd' },
    };
    expect(rule.matches(makeEvent({ ...failure, source: { ip: '203.0.113.9' } }))).toBe(true);
    expect(rule.matches(makeEvent({ ...failure, source: { ip: '10.1.2.3' } }))).toBe(false);
  });

  it('compiles cardinality and match rules from a YAML list, with defaults', async () => {
    const { rules } = await loadRulesFromPaths([testdata('valid/pack.yaml')]);
    const [spraying, probe] = rules as [CardinalityRule, (typeof rules)[number]];
    expect(spraying).toMatchObject({
      type: 'cardinality',
      distinct: 'user.name',
      threshold: 10,
      groupBy: ['source.ip'],
    });
    expect(spraying).toMatchObject({
      windowMs: 600_000,
      resolveAfterMs: 600_000,
      confidence: 'medium',
      tags: ['identity'],
    });
    expect(spraying.cooldownMs).toBeUndefined();
    expect(probe).toMatchObject({
      type: 'match',
      enabled: false,
      windowMs: 300_000,
      groupBy: [],
      confidence: 'low',
    });
    expect(probe.matches(makeEvent({ url: { path: '/wp-admin/' } }))).toBe(true);
    expect(probe.matches(makeEvent({ url: { path: '/admin/setup.php' } }))).toBe(true);
    expect(probe.matches(makeEvent({ url: { path: '/admin/' } }))).toBe(false);
  });

  it('compiles sequence steps with the shared where and unless, and absence expectations', async () => {
    const { rules } = await loadRulesFromPaths([testdata('valid/nested')]);
    const [sequence, absence] = rules as [SequenceRule, AbsenceRule];
    expect(sequence).toMatchObject({
      type: 'sequence',
      windowMs: 600_000,
      groupBy: ['user.name', 'source.ip'],
    });
    expect(sequence.steps.map(({ name, count }) => ({ name, count }))).toEqual([
      { name: 'failures', count: 5 },
      { name: 'step2', count: 1 },
    ]);
    const [failures, success] = sequence.steps as [
      SequenceRule['steps'][number],
      SequenceRule['steps'][number],
    ];
    const login = (outcome: string, user = 'alice') =>
      makeEvent({ event: { action: 'ssh_login', outcome }, user: { name: user } });
    expect(failures.matches(login('failure'))).toBe(true);
    expect(failures.matches(login('success'))).toBe(false);
    expect(success.matches(login('success'))).toBe(true);
    expect(success.matches(login('success', 'backup'))).toBe(false);
    expect(success.matches(makeEvent({ event: { action: 'rdp_login', outcome: 'success' } }))).toBe(false);
    expect(sequence.matches(login('failure'))).toBe(true);
    expect(sequence.matches(login('unknown'))).toBe(false);
    expect(absence).toMatchObject({
      type: 'absence',
      windowMs: 3_600_000,
      resolveAfterMs: 0,
      groupBy: ['host.name'],
    });
    expect(absence.expect).toEqual([{ 'host.name': 'bastion-1' }, { 'host.name': 'bastion-2' }]);
  });

  it('reports a duplicate id in a second file, naming the first place', async () => {
    const { rules, issues } = await loadRulesFromPaths([testdata('duplicates')]);
    expect(rules.map((rule) => [rule.id, rule.type])).toEqual([['failed-logins', 'threshold']]);
    expect(issues).toEqual([
      {
        file: testdata('duplicates/b.yml'),
        line: 3,
        column: 5,
        field: 'id',
        message: `duplicate rule id \`failed-logins\`; first defined at ${testdata('duplicates/a.yml')}:1`,
      },
    ]);
  });

  it('reports every mistake of a broken file and still loads its valid rules', async () => {
    const { rules, issues } = await loadRulesFromPaths([testdata('mistakes/broken.yml')]);
    expect(rules.map((rule) => rule.id)).toEqual(['ok-rule']);
    expect(issues.map(({ line, column, field }) => `${line}:${column} ${field ?? ''}`)).toEqual([
      '1:1 threshold',
      '1:5 id',
      '6:32 where.source.ip|cidr[1]',
      '7:3 where.user.name|startwith',
      '9:1 treshold',
      '10:9 window',
      '11:11 severity',
      '12:21 attack[1]',
      '22:1 ',
    ]);
  });

  it('loads an explicitly named file whatever its extension', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klaxon-rules-'));
    try {
      await writeFile(
        join(dir, 'rule.txt'),
        'id: x\ntitle: X\ntype: match\nwhere: { a: 1 }\nseverity: info\n',
      );
      const { rules } = await loadRulesFromPaths([join(dir, 'rule.txt')]);
      expect(rules.map((rule) => rule.id)).toEqual(['x']);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('throws InputError for a path that does not exist', async () => {
    const missing = testdata('no-such-dir');
    await expect(loadRulesFromPaths([missing])).rejects.toThrow(InputError);
    await expect(loadRulesFromPaths([missing])).rejects.toThrow(
      `cannot read rules from ${missing}: no such file`,
    );
  });

  it.skipIf(process.getuid?.() === 0)('throws InputError for a file it may not read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'klaxon-rules-'));
    try {
      await writeFile(join(dir, 'secret.yml'), 'id: x\n');
      await chmod(join(dir, 'secret.yml'), 0o000);
      await expect(loadRulesFromPaths([dir])).rejects.toThrow(/cannot read rule file .*permission denied/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('loadRulesFromText', () => {
  it('loads several YAML documents and reports a duplicate id within the text', () => {
    const text = [
      'id: a\ntitle: A\ntype: match\nwhere: { x: 1 }\nseverity: info',
      'id: a\ntitle: A again\ntype: match\nwhere: { x: 2 }\nseverity: info',
    ].join('\n---\n');
    const { rules, issues } = loadRulesFromText(text, 'two.yml');
    expect(rules.map((rule) => rule.title)).toEqual(['A']);
    expect(issues).toEqual([
      {
        file: 'two.yml',
        line: 7,
        column: 5,
        field: 'id',
        message: 'duplicate rule id `a`; first defined at two.yml:1',
      },
    ]);
  });

  it('keeps the written text of numbers that are not canonical, such as hex keywords', () => {
    const text = `id: kerberos
title: Kerberos
type: match
where:
  winlog.keywords: 0x8010000000000000
  winlog.event_data.Status: 0x00000006
severity: low`;
    const [rule] = loadRulesFromText(text, 'k.yml').rules;
    const event = makeEvent({
      winlog: { keywords: '0x8010000000000000', event_data: { Status: '0x00000006' } },
    });
    expect(rule?.matches(event)).toBe(true);
    expect(rule?.matches(makeEvent({ winlog: { keywords: '9227875636482146304' } }))).toBe(false);
  });

  it('follows YAML anchors and aliases inside where', () => {
    const text = `- id: one
  title: One
  type: match
  where: &failed { event.outcome: failure }
  severity: low
- id: two
  title: Two
  type: match
  where: *failed
  severity: low`;
    const { rules, issues } = loadRulesFromText(text, 'anchors.yml');
    expect(issues).toEqual([]);
    expect(rules[1]?.matches(makeEvent({ event: { outcome: 'failure' } }))).toBe(true);
  });
});
