import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { compileWhere } from './compile-where.ts';

function makeEvent(fields: Record<string, unknown> = {}): SecurityEvent {
  return { '@timestamp': '2024-01-01T00:00:00Z', event: {}, ...fields } as SecurityEvent;
}

function compileValid(spec: unknown) {
  const compiled = compileWhere(spec, { file: 'test.yml', field: 'where' });
  expect(compiled.issues).toEqual([]);
  return compiled.predicate;
}

function matches(spec: unknown, fields: Record<string, unknown>): boolean {
  return compileValid(spec)(makeEvent(fields));
}

function issuesOf(spec: unknown) {
  return compileWhere(spec, { file: 'test.yml', field: 'where' }).issues.map(({ field, message }) => ({
    field,
    message,
  }));
}

describe('compileWhere: plain equality', () => {
  it('requires every key of a map to hold', () => {
    const spec = { 'event.outcome': 'failure', 'service.name': 'sshd' };
    expect(matches(spec, { event: { outcome: 'failure' }, service: { name: 'sshd' } })).toBe(true);
    expect(matches(spec, { event: { outcome: 'failure' }, service: { name: 'httpd' } })).toBe(false);
  });

  it('matches a number in the rule against a numeric string in the event and back', () => {
    expect(matches({ 'event.code': 4625 }, { event: { code: '4625' } })).toBe(true);
    expect(matches({ 'source.port': '22' }, { source: { port: 22 } })).toBe(true);
    expect(matches({ 'source.port': 22 }, { source: { port: 2222 } })).toBe(false);
  });

  it('compares strings case-insensitively unless cased', () => {
    expect(matches({ 'user.name': 'Administrator' }, { user: { name: 'ADMINISTRATOR' } })).toBe(true);
    expect(matches({ 'user.name|cased': 'Administrator' }, { user: { name: 'administrator' } })).toBe(false);
    expect(matches({ 'user.name|cased': 'Administrator' }, { user: { name: 'Administrator' } })).toBe(true);
  });

  it('compares non-ASCII text case-insensitively', () => {
    expect(matches({ 'user.name': 'JÜRGEN' }, { user: { name: 'jürgen' } })).toBe(true);
  });

  it('compares booleans by their string form', () => {
    expect(matches({ 'user.locked': true }, { user: { locked: true } })).toBe(true);
    expect(matches({ 'user.locked': true }, { user: { locked: 'TRUE' } })).toBe(true);
    expect(matches({ 'user.locked': false }, { user: { locked: true } })).toBe(false);
  });

  it('matches an array field when any element matches', () => {
    const spec = { 'event.category': 'authentication' };
    expect(matches(spec, { event: { category: ['network', 'authentication'] } })).toBe(true);
    expect(matches(spec, { event: { category: ['network'] } })).toBe(false);
  });

  it('treats a list of values as any of them', () => {
    const spec = { 'event.code': [4625, 4771, '4776'] };
    expect(matches(spec, { event: { code: '4771' } })).toBe(true);
    expect(matches(spec, { event: { code: 4776 } })).toBe(true);
    expect(matches(spec, { event: { code: '4624' } })).toBe(false);
  });

  it('looks long value lists up case-insensitively', () => {
    const spec = { 'user.name': ['root', 'admin', 'Oracle', 'postgres', 'test', 'guest'] };
    expect(matches(spec, { user: { name: 'ORACLE' } })).toBe(true);
    expect(matches(spec, { user: { name: 'ubuntu' } })).toBe(false);
    expect(matches({ 'user.name|cased': ['a', 'b', 'c', 'd', 'Oracle'] }, { user: { name: 'oracle' } })).toBe(
      false,
    );
  });

  it('requires every value of an `all` list to match some element', () => {
    const spec = { 'event.category|all': ['authentication', 'network'] };
    expect(matches(spec, { event: { category: ['network', 'authentication', 'session'] } })).toBe(true);
    expect(matches(spec, { event: { category: ['authentication'] } })).toBe(false);
  });

  it('never matches objects or missing fields with a value', () => {
    expect(matches({ source: 'x' }, { source: { ip: 'x' } })).toBe(false);
    expect(matches({ 'user.name': 'root' }, {})).toBe(false);
  });
});

describe('compileWhere: null and exists', () => {
  it('matches null against a missing, null or empty field', () => {
    const spec = { 'user.name': null };
    expect(matches(spec, {})).toBe(true);
    expect(matches(spec, { user: { name: null } })).toBe(true);
    expect(matches(spec, { user: { name: [] } })).toBe(true);
    expect(matches(spec, { user: { name: 'root' } })).toBe(false);
  });

  it('matches null or another value from one list', () => {
    const spec = { 'user.name': [null, 'root'] };
    expect(matches(spec, {})).toBe(true);
    expect(matches(spec, { user: { name: 'Root' } })).toBe(true);
    expect(matches(spec, { user: { name: 'bob' } })).toBe(false);
  });

  it('tests presence with exists true and false', () => {
    expect(matches({ 'source.ip|exists': true }, { source: { ip: '10.0.0.1' } })).toBe(true);
    expect(matches({ 'source.ip|exists': true }, { source: {} })).toBe(false);
    expect(matches({ 'source.ip|exists': false }, {})).toBe(true);
    expect(matches({ 'source.ip|exists': false }, { source: { ip: '10.0.0.1' } })).toBe(false);
  });
});

describe('compileWhere: string modifiers', () => {
  it('contains, startswith and endswith ignore case unless cased', () => {
    const fields = { url: { path: '/WP-Admin/setup.PHP' } };
    expect(matches({ 'url.path|contains': 'wp-admin' }, fields)).toBe(true);
    expect(matches({ 'url.path|startswith': '/wp-' }, fields)).toBe(true);
    expect(matches({ 'url.path|endswith': '.php' }, fields)).toBe(true);
    expect(matches({ 'url.path|contains|cased': 'wp-admin' }, fields)).toBe(false);
    expect(matches({ 'url.path|endswith': '.asp' }, fields)).toBe(false);
  });

  it('applies string modifiers to the string form of numbers', () => {
    expect(matches({ 'winlog.record_id|startswith': 1865 }, { winlog: { record_id: 1865211 } })).toBe(true);
  });

  it('requires every substring with contains|all', () => {
    const spec = { 'process.command_line|contains|all': ['powershell', '-enc'] };
    expect(matches(spec, { process: { command_line: 'PowerShell.exe -Enc AAAA' } })).toBe(true);
    expect(matches(spec, { process: { command_line: 'powershell.exe -File x.ps1' } })).toBe(false);
  });

  it('matches any substring of a list without all', () => {
    const spec = { 'url.path|contains': ['/etc/passwd', '../'] };
    expect(matches(spec, { url: { path: '/download?f=../../x' } })).toBe(true);
  });

  it('tests regular expressions case-insensitively unless cased', () => {
    expect(matches({ 'user.name|re': '^adm(in)?\\d*$' }, { user: { name: 'ADMIN42' } })).toBe(true);
    expect(matches({ 'user.name|re|cased': '^adm' }, { user: { name: 'ADMIN' } })).toBe(false);
    expect(matches({ 'user.name|re': '^adm' }, { user: { name: 'root' } })).toBe(false);
  });

  it('accepts RE2 inline flags such as (?i) in a cased pattern', () => {
    expect(matches({ 'user.name|re|cased': '^(?i)adm' }, { user: { name: 'ADMIN' } })).toBe(true);
  });

  // With backtracking, each of these takes seconds to years on this value; RE2 is linear.
  it.each(['(a+)+$', '(x+x+)+y', '(.*a){12}$', '^(a|a)*$', '(\\w+\\s?)+$'])(
    'tests the catastrophic pattern %s on a hostile 50-character value in milliseconds',
    (pattern) => {
      const predicate = compileValid({ 'user.name|re': pattern });
      const event = makeEvent({ user: { name: `${'a'.repeat(40)}!${'x'.repeat(9)}` } });
      const started = performance.now();
      predicate(event);
      expect(performance.now() - started).toBeLessThan(50);
    },
  );
});

describe('compileWhere: cidr', () => {
  it('matches IPv4 addresses inside any listed prefix', () => {
    const spec = { 'source.ip|cidr': ['10.0.0.0/8', '192.168.1.0/24'] };
    expect(matches(spec, { source: { ip: '10.200.3.4' } })).toBe(true);
    expect(matches(spec, { source: { ip: '192.168.1.77' } })).toBe(true);
    expect(matches(spec, { source: { ip: '192.168.2.1' } })).toBe(false);
    expect(matches(spec, { source: { ip: '11.0.0.1' } })).toBe(false);
  });

  it('matches IPv6 addresses inside an IPv6 prefix', () => {
    const spec = { 'source.ip|cidr': '2001:db8:abcd::/48' };
    expect(matches(spec, { source: { ip: '2001:db8:abcd:12::1' } })).toBe(true);
    expect(matches(spec, { source: { ip: '2001:DB8:ABCD:0:0:0:0:9' } })).toBe(true);
    expect(matches(spec, { source: { ip: '2001:db8:abce::1' } })).toBe(false);
    expect(matches(spec, { source: { ip: '10.0.0.1' } })).toBe(false);
  });

  it('matches IPv4-mapped IPv6 addresses against IPv4 prefixes', () => {
    expect(matches({ 'source.ip|cidr': '10.23.0.0/16' }, { source: { ip: '::ffff:10.23.123.11' } })).toBe(
      true,
    );
  });

  it('treats a bare address as a single-host prefix', () => {
    expect(matches({ 'source.ip|cidr': '203.0.113.9' }, { source: { ip: '203.0.113.9' } })).toBe(true);
    expect(matches({ 'source.ip|cidr': '203.0.113.9' }, { source: { ip: '203.0.113.10' } })).toBe(false);
  });

  it('never matches values that are not IP addresses', () => {
    const spec = { 'source.ip|cidr': '0.0.0.0/0' };
    expect(matches(spec, { source: { ip: '-' } })).toBe(false);
    expect(matches(spec, { source: { ip: 'host.example' } })).toBe(false);
    expect(matches(spec, { source: { ip: 167772161 } })).toBe(false);
    expect(matches(spec, { source: { ip: '1.2.3.4' } })).toBe(true);
  });

  it('matches an address array when any element is inside', () => {
    expect(matches({ 'related.ip|cidr': '10.0.0.0/8' }, { related: { ip: ['8.8.8.8', '10.1.1.1'] } })).toBe(
      true,
    );
  });
});

describe('compileWhere: numeric comparisons', () => {
  it('compares numbers and numeric strings as numbers', () => {
    expect(
      matches({ 'http.response.status_code|gte': 500 }, { http: { response: { status_code: '503' } } }),
    ).toBe(true);
    expect(
      matches({ 'http.response.status_code|gte': '500' }, { http: { response: { status_code: 404 } } }),
    ).toBe(false);
    expect(matches({ 'source.bytes|gt': 1000 }, { source: { bytes: 1000 } })).toBe(false);
    expect(matches({ 'source.bytes|lt': 1000 }, { source: { bytes: '999.5' } })).toBe(true);
    expect(matches({ 'source.bytes|lte': 1000 }, { source: { bytes: 1000 } })).toBe(true);
  });

  it('never matches non-numeric event values', () => {
    expect(matches({ 'source.bytes|gt': -1 }, { source: { bytes: 'lots' } })).toBe(false);
    expect(matches({ 'source.bytes|gt': -1 }, { source: { bytes: '' } })).toBe(false);
    expect(matches({ 'source.bytes|gt': -1 }, { source: { bytes: true } })).toBe(false);
  });

  it('requires every bound with all', () => {
    const spec = { 'source.port|gte|all': [1024], 'source.port|lt': 49152 };
    expect(matches(spec, { source: { port: 8080 } })).toBe(true);
    expect(matches(spec, { source: { port: 50000 } })).toBe(false);
  });
});

describe('compileWhere: structure', () => {
  it('treats a list of maps as any of them', () => {
    const spec = [{ 'event.code': 4625 }, { 'event.action': 'ssh_login', 'event.outcome': 'failure' }];
    expect(matches(spec, { event: { code: '4625' } })).toBe(true);
    expect(matches(spec, { event: { action: 'ssh_login', outcome: 'failure' } })).toBe(true);
    expect(matches(spec, { event: { action: 'ssh_login', outcome: 'success' } })).toBe(false);
  });

  it('runs plain equality before costlier conditions', () => {
    const predicate = compileValid({ 'url.original|re': 'x', 'url.path|contains': 'y', 'event.code': 4625 });
    let costlyReads = 0;
    const url = {
      get original() {
        costlyReads++;
        return 'x';
      },
      get path() {
        costlyReads++;
        return 'y';
      },
    };
    expect(predicate(makeEvent({ event: { code: '4624' }, url }))).toBe(false);
    expect(costlyReads).toBe(0);
    expect(predicate(makeEvent({ event: { code: '4625' }, url }))).toBe(true);
    expect(costlyReads).toBe(2);
  });
});

describe('compileWhere: mistakes', () => {
  it.each([
    [
      { 'user.name|contain': 'x' },
      'where.user.name|contain',
      /unknown modifier `contain`.*did you mean `contains`/,
    ],
    [{ 'user.name|': 'x' }, 'where.user.name|', /empty modifier/],
    [{ 'user.name|contains|startswith': 'x' }, 'where.user.name|contains|startswith', /cannot be combined/],
    [
      { 'source.ip|cidr|cased': '10.0.0.0/8' },
      'where.source.ip|cidr|cased',
      /`cased` has no effect with `cidr`/,
    ],
    [{ 'source.ip|exists|all': true }, 'where.source.ip|exists|all', /`all` cannot be used with `exists`/],
    [{ 'source.ip|exists': 'yes' }, 'where.source.ip|exists', /takes `true` or `false`/],
    [{ 'user.name|re': '(a+)\\1' }, 'where.user.name|re', /invalid regular expression: backreference `\\1`/],
    [{ 'user.name|re': '(?!root)' }, 'where.user.name|re', /negative lookahead `\(\?!` is not supported/],
    [{ 'user.name|re': '(?<=x)y' }, 'where.user.name|re', /lookbehind `\(\?<=` is not supported/],
    [
      { 'user.name|re': ['x', '[a-'] },
      'where.user.name|re[1]',
      /invalid regular expression: missing closing \]/,
    ],
    [
      { 'source.ip|cidr': ['10.0.0.0/8', '10.0.0.0/33'] },
      'where.source.ip|cidr[1]',
      /invalid CIDR `10.0.0.0\/33`/,
    ],
    [{ 'source.ip|cidr': '::ffff:0:0/64' }, 'where.source.ip|cidr', /invalid CIDR/],
    [{ 'source.bytes|gt': 'many' }, 'where.source.bytes|gt', /`gt` needs a number, got `many`/],
    [{ 'user.name|contains': null }, 'where.user.name|contains', /null only works with plain equality/],
    [{ 'user.name|contains': '' }, 'where.user.name|contains', /empty string matches every value/],
    [{ 'user.name': [] }, 'where.user.name', /empty list matches nothing/],
    [{ 'user.name': ['a', ['b']] }, 'where.user.name[1]', /got a nested list/],
    [{ user: { name: 'root' } }, 'where.user', /got a map/],
    [{ 'user..name': 'x' }, 'where.user..name', /invalid field `user..name`/],
    [{}, 'where', /empty map of conditions/],
    ['sshd', 'where', /expected a map/],
    [[{ 'event.code': 1 }, 'x'], 'where[1]', /expected a map/],
  ])('reports %j at %s', (spec, field, message) => {
    const issues = issuesOf(spec);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe(field);
    expect(issues[0]?.message).toMatch(message);
  });

  it('reports every mistake, not only the first, and never matches', () => {
    const compiled = compileWhere(
      { 'a|nope': 1, 'b|cidr': 'x', c: 1 },
      { file: 'f.yml', line: 3, column: 1 },
    );
    expect(compiled.issues.map((issue) => issue.field)).toEqual(['where.a|nope', 'where.b|cidr']);
    expect(compiled.issues[0]).toMatchObject({ file: 'f.yml', line: 3, column: 1 });
    expect(compiled.predicate(makeEvent({ c: 1 }))).toBe(false);
  });
});
