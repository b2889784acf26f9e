import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { windowsParser } from '../../parsers/index.ts';
import { loadRulesFromText } from '../../rules/index.ts';
import type { Rule } from '../../rules/index.ts';
import { fieldsToKeep, lightEvents, wholeEvent, withWholeSamples } from './light-events.ts';

const RULES = `
- id: spray
  title: Spray
  type: cardinality
  where:
    event.code: 4625
  unless:
    - user.name|endswith: $
    - source.ip|cidr: 10.0.0.0/8
  group_by: [source.ip]
  distinct: user.name
  threshold: 5
  window: 10m
  severity: high
  confidence: medium
- id: steps
  title: Steps
  type: sequence
  steps:
    - where: { event.outcome: failure }
    - where: { event.outcome: success, host|exists: true }
  group_by: [user.name]
  within: 5m
  severity: high
  confidence: medium
`;

function rules(): Rule[] {
  const loaded = loadRulesFromText(RULES, 'test.yml');
  expect(loaded.issues).toEqual([]);
  return loaded.rules;
}

function parsed(line: string): SecurityEvent {
  let found: SecurityEvent | undefined;
  windowsParser.create({}).parseLine(line, (event) => (found = event));
  return found as SecurityEvent;
}

const document = {
  '@timestamp': '2024-01-01T00:00:00.000Z',
  event: { code: '4625', outcome: 'failure', original: 'kept from the shipper' },
  user: { name: 'alice', domain: 'CORP' },
  source: { ip: '203.0.113.9', port: 4242 },
  host: { name: 'dc01', os: { family: 'windows' } },
  winlog: { event_data: { TargetUserName: 'alice', Status: '0xc000006d' } },
};

describe('fieldsToKeep', () => {
  it('lists what the conditions, steps, group keys and distinct fields read, and what the engine reads', () => {
    expect(fieldsToKeep(rules())).toEqual([
      '@timestamp',
      'event.code',
      'event.original',
      'event.outcome',
      'host',
      'source.ip',
      'user.name',
    ]);
  });

  it('keeps whole events when a rule does not say what it reads', () => {
    const [first, ...rest] = rules();
    const { reads: _, ...unknown } = first as Rule;
    expect(fieldsToKeep([unknown as Rule, ...rest])).toBeUndefined();
  });
});

describe('light events', () => {
  const fields = fieldsToKeep(rules()) as string[];
  const line = JSON.stringify(document);
  const light = lightEvents(fields, 'windows')(parsed(line), line);

  it('hold only the fields rules read, which every rule judges as on the whole event', () => {
    expect(light.user).toEqual({ name: 'alice' });
    expect(light.source).toEqual({ ip: '203.0.113.9' });
    expect(light.host).toEqual(document.host);
    expect(light.winlog).toBeUndefined();
    const whole = parsed(line);
    for (const rule of rules()) expect(rule.matches(light), rule.id).toBe(rule.matches(whole));
  });

  it('become the whole event again as evidence, the same object each time', () => {
    const samples = withWholeSamples({ samples: [light] } as never).samples;
    expect(samples[0]).toStrictEqual(parsed(line));
    expect(wholeEvent(light)).toBe(samples[0]);
  });

  it('leave events that are already whole as they are', () => {
    const whole = parsed(line);
    expect(wholeEvent(whole)).toBe(whole);
  });

  it('keep a field named __proto__ as a field, not as the prototype', () => {
    const odd = JSON.parse('{"@timestamp":"2024-01-01T00:00:00Z","event":{},"__proto__":{"x":1}}');
    const made = lightEvents(['__proto__.x'], 'ndjson')(odd, '{}');
    expect(Object.getPrototypeOf(made)).toBe(Object.prototype);
    expect(Object.hasOwn(made, '__proto__')).toBe(true);
  });
});
