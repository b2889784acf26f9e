import { describe, expect, it } from 'vitest';
import { compileDetectionText, refusalOf, securityEvent } from '../testdata/sigma-fixture.ts';

const withField = (value: unknown) => securityEvent(4688, { CommandLine: value });

/** Compiles `CommandLine<key>: value` and tells which of the texts it matches. */
function matching(key: string, value: string, texts: readonly unknown[]): unknown[] {
  const matches = compileDetectionText(`sel:\n  CommandLine${key}: ${value}\ncondition: sel`);
  return texts.filter((text) => matches(withField(text)));
}

describe('Sigma value matching', () => {
  it('compares case-insensitively by default and exactly with cased', () => {
    expect(matching('', "'Whoami.EXE'", ['whoami.exe', 'WHOAMI.EXE', 'whoami.ex'])).toEqual([
      'whoami.exe',
      'WHOAMI.EXE',
    ]);
    expect(matching('|cased', "'Whoami.EXE'", ['whoami.exe', 'Whoami.EXE'])).toEqual(['Whoami.EXE']);
  });

  it('reads * and ? as wildcards, and \\* \\? \\\\ as the characters themselves', () => {
    expect(matching('', "'prog?.exe'", ['progA.exe', 'prog.exe', 'progAB.exe'])).toEqual(['progA.exe']);
    expect(matching('', "'antivirus_V*.exe'", ['antivirus_V1.exe', 'antivirus_V21.2.1.exe', 'x'])).toEqual([
      'antivirus_V1.exe',
      'antivirus_V21.2.1.exe',
    ]);
    expect(matching('', "'a\\*b'", ['a*b', 'axxb'])).toEqual(['a*b']);
    expect(matching('', "'a\\?b'", ['a?b', 'axb'])).toEqual(['a?b']);
    // A backslash not before a wildcard is plain; `\\*` is a backslash then a wildcard.
    expect(matching('', "'C:\\Windows\\cmd.exe'", ['c:\\windows\\cmd.exe'])).toEqual([
      'c:\\windows\\cmd.exe',
    ]);
    expect(matching('', "'dir\\\\*'", ['dir\\anything', 'dir'])).toEqual(['dir\\anything']);
    expect(matching('', "'dir\\\\\\*'", ['dir\\*', 'dir\\x'])).toEqual(['dir\\*']);
  });

  it('contains, startswith and endswith put the wildcards where they belong', () => {
    const texts = ['net user /add', 'user', 'net use', 'NET USER'];
    expect(matching('|contains', 'user', texts)).toEqual(['net user /add', 'user', 'NET USER']);
    expect(matching('|startswith', 'net', texts)).toEqual(['net user /add', 'net use', 'NET USER']);
    expect(matching('|endswith', 'user', texts)).toEqual(['user', 'NET USER']);
  });

  it('a list is any of its values; with all, every one', () => {
    expect(matching('|contains', '[a1, b2]', ['xa1', 'b2y', 'c3'])).toEqual(['xa1', 'b2y']);
    expect(matching('|contains|all', '[a1, b2]', ['a1 b2', 'a1', 'b2'])).toEqual(['a1 b2']);
  });

  it('re searches anywhere, case-sensitive unless i; m and s change ^ $ and .', () => {
    expect(matching('|re', "'ab+c'", ['xabbbc', 'ABC', 'ac'])).toEqual(['xabbbc']);
    expect(matching('|re|i', "'ab+c'", ['ABC', 'ac'])).toEqual(['ABC']);
    expect(matching('|re', "'^two'", ['one\ntwo', 'two'])).toEqual(['two']);
    expect(matching('|re|m', "'^two'", ['one\ntwo', 'three'])).toEqual(['one\ntwo']);
    expect(matching('|re', "'a.b'", ['a\nb', 'axb'])).toEqual(['axb']);
    expect(matching('|re|s', "'a.b'", ['a\nb'])).toEqual(['a\nb']);
  });

  it('refuses a regular expression that needs backtracking, naming the construct', () => {
    expect(refusalOf("sel:\n  CommandLine|re: '(a)\\1'\ncondition: sel").reason).toContain(
      'backreference `\\1`',
    );
    expect(refusalOf("sel:\n  CommandLine|re: 'a(?=b)'\ncondition: sel").reason).toContain('lookahead `(?=`');
  });

  it('windash accepts every dash Windows takes before an option, and only there', () => {
    const texts = [
      'x -enc A',
      'x /enc A',
      'x \u2013enc A',
      'x \u2014enc A',
      'x \u2015enc A',
      'x enc A',
      'x-enc A',
    ];
    expect(matching('|windash|contains', "' -enc '", texts)).toEqual(texts.slice(0, 5));
  });

  it('base64 matches the encoded value; base64offset finds it at any offset in a longer encoding', () => {
    const encoded = Buffer.from('secret').toString('base64');
    expect(matching('|base64', 'secret', [encoded, 'secret'])).toEqual([encoded]);
    for (const prefix of ['', 'a', 'ab', 'abc ']) {
      const text = Buffer.from(`${prefix}secret tail`).toString('base64');
      expect(matching('|base64offset|contains', 'secret', [text])).toEqual([text]);
    }
    expect(matching('|base64offset|contains', 'secret', [Buffer.from('public').toString('base64')])).toEqual(
      [],
    );
  });

  it('utf16le/wide, utf16be and utf16 encode before base64, as PowerShell -EncodedCommand does', () => {
    const le = Buffer.from('  Invoke-Thing x', 'utf16le').toString('base64');
    expect(matching('|wide|base64offset|contains', "'Invoke-Thing'", [le])).toEqual([le]);
    expect(matching('|utf16le|base64offset|contains', "'Invoke-Thing'", [le])).toEqual([le]);
    const be = Buffer.from('cmd', 'utf16le').swap16().toString('base64');
    expect(matching('|utf16be|base64', 'cmd', [be, le])).toEqual([be]);
    const bom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('cmd', 'utf16le')]).toString('base64');
    expect(matching('|utf16|base64', 'cmd', [bom, be])).toEqual([bom]);
  });

  it('cidr matches addresses inside the range, IPv4 and IPv6', () => {
    const matches = compileDetectionText(
      "sel:\n  IpAddress|cidr: ['10.0.0.0/8', '2001:db8::/32']\ncondition: sel",
    );
    const of = (ip: string) => matches(securityEvent(4625, { IpAddress: ip }));
    expect([of('10.1.2.3'), of('11.0.0.1'), of('2001:db8::1'), of('-')]).toEqual([true, false, true, false]);
  });

  it('gt, gte, lt, lte compare numbers, numeric text included', () => {
    const check = (op: string, value: unknown) =>
      compileDetectionText(`sel:\n  LogonType|${op}: 3\ncondition: sel`)(
        securityEvent(4624, { LogonType: value }),
      );
    expect([check('gt', '4'), check('gt', 3), check('gte', '3'), check('lt', 2), check('lte', '3')]).toEqual([
      true,
      false,
      true,
      true,
      true,
    ]);
    expect(check('gt', 'many')).toBe(false);
  });

  it('exists tells present from absent fields, whatever the value', () => {
    const present = compileDetectionText('sel:\n  PasswordLastSet|exists: true\ncondition: sel');
    const absent = compileDetectionText('sel:\n  PasswordLastSet|exists: false\ncondition: sel');
    const withIt = securityEvent(4738, { PasswordLastSet: '' });
    const without = securityEvent(4738, {});
    expect([present(withIt), present(without), absent(withIt), absent(without)]).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  it('null matches a missing or null field; an empty string only an empty value', () => {
    const isNull = compileDetectionText('sel:\n  PasswordLastSet: null\ncondition: sel');
    const isEmpty = compileDetectionText("sel:\n  PasswordLastSet: ''\ncondition: sel");
    const events = [{}, { PasswordLastSet: null }, { PasswordLastSet: '' }, { PasswordLastSet: 'x' }].map(
      (data) => securityEvent(4738, data),
    );
    expect(events.map(isNull)).toEqual([true, true, false, false]);
    expect(events.map(isEmpty)).toEqual([false, false, true, false]);
  });

  it('fieldref compares two fields of the event, with contains/startswith/endswith', () => {
    const same = compileDetectionText('sel:\n  TargetUserName|fieldref: SubjectUserName\ncondition: sel');
    const inside = compileDetectionText(
      'sel:\n  CommandLine|fieldref|contains: TargetUserName\ncondition: sel',
    );
    expect(same(securityEvent(4720, { TargetUserName: 'Bob', SubjectUserName: 'bob' }))).toBe(true);
    expect(same(securityEvent(4720, { TargetUserName: 'bob', SubjectUserName: 'alice' }))).toBe(false);
    expect(same(securityEvent(4720, { TargetUserName: 'bob' }))).toBe(false);
    expect(inside(securityEvent(4688, { CommandLine: 'net user bob /add', TargetUserName: 'bob' }))).toBe(
      true,
    );
  });

  it('neq matches any other value', () => {
    const matches = compileDetectionText('sel:\n  LogonType|neq: 3\ncondition: sel');
    expect([3, 10, '3'].map((type) => matches(securityEvent(4624, { LogonType: type })))).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('date parts read the timestamp in UTC', () => {
    const matches = compileDetectionText("sel:\n  '@timestamp|hour': 10\ncondition: sel");
    expect(matches(securityEvent(4624, {}))).toBe(true);
    expect(matches({ ...securityEvent(4624, {}), '@timestamp': '2024-03-01T11:00:00Z' })).toBe(false);
  });

  it('expand replaces placeholders with their configured values; \\% is a plain percent', () => {
    const placeholders = { Admins: ['root', 'adm*'] };
    const matches = compileDetectionText("sel:\n  TargetUserName|expand: '%Admins%'\ncondition: sel", {
      placeholders,
    });
    const of = (name: string) => matches(securityEvent(4624, { TargetUserName: name }));
    expect([of('root'), of('admin7'), of('bob')]).toEqual([true, true, false]);
    const plain = compileDetectionText("sel:\n  Share|expand: '\\%plain%Admins%'\ncondition: sel", {
      placeholders,
    });
    expect(plain(securityEvent(5140, { Share: '%plainroot' }))).toBe(true);
  });

  it('refuses a placeholder without configured values, naming it', () => {
    const refusal = refusalOf("sel:\n  TargetUserName|expand: '%Administrators%'\ncondition: sel");
    expect(refusal.reason).toContain('placeholder %Administrators%');
    // Line 8 of the fixture: the `TargetUserName|expand` key under `sel`.
    expect(refusal.line).toBe(8);
  });

  it('refuses modifier chains that cannot apply, naming the chain', () => {
    const reasons = [
      "CommandLine|base64offset|re: 'x'",
      "CommandLine|base64|contains: 'a*b'",
      'IpAddress|contains|cidr: 10.0.0.0/8',
      'CommandLine|i: x',
      'CommandLine|gt: many',
      'CommandLine|sideways: x',
      'CommandLine|exists: maybe',
    ].map((item) => refusalOf(`sel:\n  ${item}\ncondition: sel`).reason);
    expect(reasons[0]).toContain('modifier chain `|base64offset|re`: `re` takes the value as written');
    expect(reasons[1]).toContain(
      'modifier chain `|base64|contains`: `base64` cannot encode a value with wildcards',
    );
    expect(reasons[2]).toContain('`cidr` takes the value as written and cannot follow `contains`');
    expect(reasons[3]).toContain('regular expression flag `i` needs `re`');
    expect(reasons[4]).toContain('`gt` needs a number');
    expect(reasons[5]).toContain('unknown modifier `sideways`');
    expect(reasons[6]).toContain('`exists` takes `true` or `false`');
  });
});
