import { describe, expect, it } from 'vitest';
import { loadRulesFromText } from './load-rules.ts';
import { THRESHOLD_RULE } from './testdata/threshold-rule.ts';

/** A valid threshold rule; cases below change one thing in it. */
const BASE = THRESHOLD_RULE;

function withLine(line: number, text: string): string {
  const lines = BASE.split('\n');
  lines[line - 1] = text;
  return lines.filter((entry) => entry !== '<drop>').join('\n');
}

function describeIssues(text: string): string[] {
  return loadRulesFromText(text, 'rule.yml').issues.map(
    (issue) => `${issue.line}:${issue.column} ${issue.field ?? '-'}: ${issue.message}`,
  );
}

describe('rule validation', () => {
  it('accepts the base rule', () => {
    expect(describeIssues(BASE)).toEqual([]);
  });

  it.each([
    ['missing id', withLine(1, '<drop>'), '1:1 id: required field is missing'],
    ['malformed id', withLine(1, 'id: Failed_Logins'), '1:5 id: must start with a lowercase letter'],
    ['empty title', withLine(2, 'title: ""'), '2:8 title: must not be empty'],
    ['missing type', withLine(3, '<drop>'), '1:1 type: required field is missing'],
    [
      'misspelt type',
      withLine(3, 'type: treshold'),
      '3:7 type: expected one of threshold, cardinality, sequence, match, absence, got `treshold`; did you mean `threshold`?',
    ],
    ['missing where', withLine(4, '<drop>'), '1:1 where: required field is missing'],
    ['zero threshold', withLine(5, 'threshold: 0'), '5:12 threshold: must be at least 1'],
    [
      'fractional threshold',
      withLine(5, 'threshold: 2.5'),
      '5:12 threshold: expected a whole number, got `2.5`',
    ],
    ['textual threshold', withLine(5, 'threshold: five'), '5:12 threshold: expected a number, got `five`'],
    ['missing threshold', withLine(5, '<drop>'), '1:1 threshold: required field is missing'],
    ['missing window', withLine(6, '<drop>'), '1:1 window: required field is missing'],
    ['zero window', withLine(6, 'window: 0s'), '6:9 window: must be longer than zero'],
    [
      'window without unit',
      withLine(6, 'window: 300'),
      '6:9 window: expected a duration like `30s`, `5m`, `1h`; a bare number needs a unit, e.g. `300s`',
    ],
    [
      'window as words',
      withLine(6, 'window: five minutes'),
      '6:9 window: expected a duration like `30s`, `5m`, `1h`',
    ],
    [
      'window as a list',
      withLine(6, 'window: [5m]'),
      '6:9 window: expected a duration like `30s`, `5m`, `1h`',
    ],
    [
      'misspelt severity',
      withLine(7, 'severity: hihg'),
      '7:11 severity: expected one of info, low, medium, high, critical, got `hihg`; did you mean `high`?',
    ],
    [
      'misspelt field',
      `${BASE}\ntreshold: 6`,
      '8:1 treshold: unknown field `treshold`; did you mean `threshold`?',
    ],
    ['unknown field', `${BASE}\nowner: soc`, '8:1 owner: unknown field `owner`'],
    [
      'distinct on threshold',
      `${BASE}\ndistinct: user.name`,
      '8:1 distinct: `distinct` applies only to cardinality rules',
    ],
    ['steps on threshold', `${BASE}\nsteps: []`, '8:1 steps: `steps` applies only to sequence rules'],
    ['within on threshold', `${BASE}\nwithin: 5m`, '8:1 within: `within` applies only to sequence rules'],
    ['expect on threshold', `${BASE}\nexpect: []`, '8:1 expect: `expect` applies only to absence rules'],
    [
      'bad confidence',
      `${BASE}\nconfidence: certain`,
      '8:13 confidence: expected one of low, medium, high, got `certain`',
    ],
    ['bad cooldown', `${BASE}\ncooldown: later`, '8:11 cooldown: expected a duration like `30s`, `5m`, `1h`'],
    [
      'bad resolve_after',
      `${BASE}\nresolve_after: -1m`,
      '8:16 resolve_after: expected a duration like `30s`, `5m`, `1h`',
    ],
    ['attack not a list', `${BASE}\nattack: T1110`, '8:9 attack: expected a list, got `T1110`'],
    [
      'bad attack id',
      `${BASE}\nattack: [T1110, TA0006]`,
      '8:17 attack[1]: expected an ATT&CK technique id like `T1110` or `T1110.001`',
    ],
    ['tags not a list', `${BASE}\ntags: identity`, '8:7 tags: expected a list, got `identity`'],
    ['enabled as yes', `${BASE}\nenabled: yes`, '8:10 enabled: expected `true` or `false`, got `yes`'],
    [
      'group_by as a number',
      `${BASE}\ngroup_by: 5`,
      '8:11 group_by: expected a field path or a list of field paths',
    ],
    [
      'group_by with a space',
      `${BASE}\ngroup_by: [source.ip, source ip]`,
      '8:23 group_by[1]: expected a dotted field path like `source.ip`',
    ],
    ['description as a map', `${BASE}\ndescription: { a: 1 }`, '8:14 description: expected text, got a map'],
    ['title as null', withLine(2, 'title:'), '2:7 title: expected text, got nothing'],
    [
      'bad where modifier',
      withLine(4, 'where: { user.name|contain: x }'),
      '4:10 where.user.name|contain: unknown modifier `contain`; expected one of exists, contains, startswith, endswith, re, cidr, gt, gte, lt, lte, all, cased; did you mean `contains`?',
    ],
    [
      'bad unless value',
      `${BASE}\nunless:\n  source.ip|cidr:\n    - 10.0.0.0/8\n    - 10.0.0.0/40`,
      '11:7 unless.source.ip|cidr[1]: invalid CIDR `10.0.0.0/40`; expected e.g. 10.0.0.0/8 or 2001:db8::/32',
    ],
    [
      'bad where alternative',
      withLine(4, 'where:\n  - { event.code: 4625 }\n  - { event.code|gt: many }'),
      '6:22 where[1].event.code|gt: `gt` needs a number, got `many`',
    ],
    [
      'empty where',
      withLine(4, 'where:'),
      '4:7 where: expected a map of `field: value` conditions (or a list of such maps)',
    ],
  ])('reports %s', (_name, text, expected) => {
    const issues = describeIssues(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(expected);
  });
});

describe('type-specific validation', () => {
  const cardinality = `id: spraying
title: Spraying
type: cardinality
where: { event.outcome: failure }
group_by: source.ip
threshold: 10
window: 10m
severity: high`;

  it('requires distinct on cardinality rules and refuses it inside group_by', () => {
    expect(describeIssues(cardinality)).toEqual(['1:1 distinct: required field is missing']);
    expect(describeIssues(`${cardinality}\ndistinct: source.ip`)).toEqual([
      '9:11 distinct: `source.ip` is also in group_by, so each group would hold one distinct value',
    ]);
  });

  const sequence = (steps: string, extra = 'within: 10m'): string => `id: fail-then-success
title: Failures then success
type: sequence
group_by: user.name
severity: critical
${extra}
steps:
${steps}`;
  const twoSteps =
    '  - { name: fail, where: { event.outcome: failure }, count: 5 }\n  - { where: { event.outcome: success } }';

  it('accepts within or window on a sequence, but not both and not neither', () => {
    expect(describeIssues(sequence(twoSteps))).toEqual([]);
    expect(describeIssues(sequence(twoSteps, 'window: 10m'))).toEqual([]);
    expect(describeIssues(sequence(twoSteps, 'window: 10m\nwithin: 10m'))).toEqual([
      '7:1 within: `within` is an alias of `window`; give only one',
    ]);
    expect(describeIssues(sequence(twoSteps, 'tags: []'))).toEqual([
      '1:1 window: required field is missing (or its alias `within`)',
    ]);
  });

  it.each([
    ['one step', '  - { where: { a: 1 } }', '8:3 steps: needs at least 2 items'],
    [
      'a step without where',
      '  - { where: { a: 1 } }\n  - { name: two }',
      '9:5 steps[1].where: required field is missing',
    ],
    [
      'a zero count',
      '  - { where: { a: 1 } }\n  - { where: { b: 1 }, count: 0 }',
      '9:31 steps[1].count: must be at least 1',
    ],
    [
      'an unknown step field',
      '  - { where: { a: 1 } }\n  - { wher: { b: 1 }, where: { b: 2 } }',
      '9:7 steps[1].wher: unknown field `wher` in a step; did you mean `where`?',
    ],
    [
      'repeated step names',
      '  - { name: x, where: { a: 1 } }\n  - { name: x, where: { b: 1 } }',
      '9:13 steps[1].name: step name `x` is already used by steps[0]',
    ],
    [
      'a bad step filter',
      '  - { where: { a: 1 } }\n  - where:\n      b|cidr: nope',
      '10:15 steps[1].where.b|cidr: invalid CIDR `nope`',
    ],
  ])('reports %s', (_name, steps, expected) => {
    const issues = describeIssues(sequence(steps));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(expected);
  });

  it('requires absence expectations to name exactly the group_by fields', () => {
    const absence = `id: silent
title: Silent host
type: absence
where: { event.dataset: system.auth }
group_by: host.name
window: 1h
severity: medium
expect:
  - { host.name: web-1 }
  - { host.hostname: web-2 }
  - { host.name: { nested: 1 } }`;
    expect(describeIssues(absence)).toEqual([
      '10:5 expect[1]: keys must be the group_by fields (host.name), got (host.hostname)',
      '11:18 expect[2].host.name: expected a single value',
    ]);
  });
});

describe('file structure', () => {
  it.each([
    ['a YAML syntax error', 'id: x\ntitle: [a\nseverity: low', /^3:1 -: YAML: /],
    ['a repeated key', `${BASE}\nseverity: low`, /^8:1 -: YAML: Map keys must be unique/],
    ['a scalar document', 'just text', /^1:1 -: expected a rule \(a map of fields/],
    ['a list holding a scalar', '- just text', /^1:3 -: expected a rule/],
    ['an empty file', '# nothing here\n', /^1:1 -: no rules in this file$/],
  ])('reports %s', (_name, text, expected) => {
    const issues = describeIssues(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(expected);
  });

  it('still loads the valid documents of a file with a broken one', () => {
    const { rules, issues } = loadRulesFromText(`${BASE}\n---\nid: [broken\n`, 'mixed.yml');
    expect(rules.map((rule) => rule.id)).toEqual(['failed-logins']);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/^YAML: /);
  });

  it('reports all mistakes of a rule at once, in line order', () => {
    const text = `id: Bad
title: x
type: threshold
where: { a|nope: 1 }
threshold: 0
window: 5
severity: urgent`;
    expect(describeIssues(text).map((issue) => issue.split(':').slice(0, 2).join(':'))).toEqual([
      '1:5 id',
      '4:10 where.a|nope',
      '5:12 threshold',
      '6:9 window',
      '7:11 severity',
    ]);
  });
});
