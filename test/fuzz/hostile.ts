import fc from 'fast-check';
import { anyChar } from './mutate.ts';

/** Fragments that break naive parsers in any text format. */
const COMMON = [
  '\u0000',
  '\\u0000',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\x1b[31m',
  '\x7f',
  '\u2028',
  '\u0085',
  '\ufeff',
  '\ud800',
  '\udc00x',
  '\ud83d',
  '\ufffd',
  '%s%n%x',
  '${jndi:ldap://x}',
  '${HOME}',
  '__proto__',
  'constructor',
  'prototype',
  'polluted',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '-1e309',
  '5e-324',
  '9007199254740993',
  '99999999999999999999999999999999',
  '0x7fffffff',
  '-2147483649',
  '1'.repeat(400),
];

/**
 * A very long run of one token (1 k to 100 k characters): finds anything quadratic. No brackets:
 * long runs of those are deep nesting in JSON and YAML, which waits for other fixes (pending.ts).
 */
export function longRun(tokens: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...tokens), fc.integer({ min: 1_000, max: 100_000 }))
    .map(([token, times]) => token.repeat(Math.ceil(times / token.length)));
}

export const longToken = longRun([
  'a',
  'A',
  '9',
  ' ',
  '.',
  ':',
  '-',
  '"',
  '\\',
  '%',
  'a!',
  'aa ',
  '1.',
  'ab:',
  '\u00e9',
  '\u0000',
]);

/** A short run of random characters of every kind. */
export const noise: fc.Arbitrary<string> = fc
  .array(anyChar, { maxLength: 12 })
  .map((chars) => chars.join(''));

export const commonFragment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...COMMON), weight: 6 },
  { arbitrary: noise, weight: 3 },
  { arbitrary: longToken, weight: 1 },
);

/** Syslog and sshd: headers, priorities, dates, the parts sshd messages are cut at. */
export const syslogFragment: fc.Arbitrary<string> = fc.oneof(
  commonFragment,
  longRun(['[', ']', '[a b="', '\\"', ' port 1', '<1>']),
  fc.constantFrom(
    '<999>',
    '<0>',
    '<191>',
    '<192>',
    '<13>1 ',
    '<13>99 ',
    '<13>1 - - - - - ',
    ' - ',
    '[',
    ']',
    '[a b="c"]',
    '[a b="\\"]"]',
    '[a b="\\',
    '[x@1 k="v"][y k="]"]',
    'BOM\ufeff',
    'Feb 30 ',
    'Feb 29 23:59:60 ',
    'Dec 31 24:00:00 ',
    '9999-12-31T23:59:59.999999999+14:00',
    '0000-01-01T00:00:00Z',
    '275760-09-13T00:00:00Z',
    '2024-02-30T25:61:61-99:99',
    '+99:99',
    'sshd[',
    'sshd[4294967296]: ',
    'sshd[-1]: ',
    'sshd-session[1]: ',
    ': ',
    'message repeated 999999 times: [',
    'message repeated 0 times: [ x]',
    'last message repeated 4294967296 times',
    'Failed password for ',
    'invalid user ',
    ' from ',
    ' port ',
    ' port 99999999999',
    ' port -1',
    ' ssh2',
    ' [preauth]',
    '::ffff:',
    '999.999.999.999',
    'fe80::1%eth0',
    '1:2:3:4:5:6:7:8:9',
    'user(uid=0)',
  ),
);

/** JSON text: structure, escapes, numbers, keys that reach prototypes when copied naively. */
export const jsonFragment: fc.Arbitrary<string> = fc.oneof(
  commonFragment,
  fc.constantFrom(
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '"',
    '\\',
    '\\"',
    '\\ud800',
    '\\udfff',
    '\\u0000',
    '\\uzzzz',
    '"__proto__":{"polluted":1},',
    '"constructor":{"prototype":{"polluted":1}},',
    '"__proto__.polluted":1,',
    '"constructor.prototype.polluted":1,',
    '"a.__proto__.polluted":1,',
    '"event.__proto__":{"polluted":1},',
    '"..":1,',
    '"a..b":1,',
    '"@timestamp":1e309,',
    '"@timestamp":-8640000000000001,',
    '"@timestamp":"+275760-09-13T00:00:00.000Z",',
    '"@timestamp":"2024-02-30T00:00:00Z",',
    '"@timestamp":[],',
    '"_source":null,',
    '"_source":[],',
    '"event":"x",',
    '"event":{"code":4625},',
    '"event.code":"4625",',
    '"winlog":{"event_data":null},',
    '"winlog.event_data.Status":"0xC000006D",',
    '"winlog.event_data.IpAddress":"::ffff:999.1.1.1",',
    '"winlog.event_data.IpPort":"99999999999",',
    '"source":{"ip":"1.2.3"},',
    'true',
    'null',
    '-',
    '1e',
    '.5',
    '01',
  ),
);
