import fc from 'fast-check';
import { longToken } from './hostile.ts';
import { anyChar } from './mutate.ts';

// Keys and values the structural edits (structured.ts) put into parsed documents.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__proto__.polluted',
  'constructor.prototype.polluted',
  'a.__proto__.polluted',
  '',
  '.',
  'a.',
  '.a',
  'a..b',
  '@timestamp',
  '_source',
  '_index',
  'event',
  'event.original',
  'event.code',
  'event.action',
  'event.outcome',
  'source.ip',
  'user.name',
  'winlog',
  'winlog.event_data',
  'winlog.event_data.TargetUserName',
  'winlog.event_data.IpAddress',
  'winlog.event_data.Status',
  'winlog.event_id',
  'id',
  'type',
  'where',
  'threshold',
  'window',
  'group_by',
  'channels',
  'routes',
  'match',
];

const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -0,
    -1,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    5e-324,
    4294967296,
    65536,
    '',
    ' ',
    '-',
    '0x',
    '0xC000006D',
    '0xFFFFFFFF',
    '%%1833',
    '::ffff:999.1.1.1',
    '1.2.3',
    '2024-02-30T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '9999999999999999',
    '1e309',
    'NaN',
    '__proto__',
    '\u0000',
    '\ud800',
    '\ufeff',
    '${UNSET}',
    '(a+)+$',
    '%E0%A4%A',
    'postgres://klaxon:%ZZ\ud800@db.example.com/klaxon',
    'smtps://user:%E0%A4%A@mail.example.com:465',
    'https://user:pa%ss@example.com/\udfff',
    '5m',
    '0s',
    '-1m',
    '99999999d',
    'P1',
  ),
  fc.integer(),
  fc.double(),
  fc.array(anyChar, { maxLength: 20 }).map((chars) => chars.join('')),
  longToken,
);

/** Nested arrays or objects 1 to 60 deep: moderate depth every reader must take. */
const nested: fc.Arbitrary<Json> = fc
  .tuple(fc.integer({ min: 1, max: 60 }), fc.boolean(), scalar)
  .map(([depth, asArray, leaf]) => {
    let value = leaf;
    for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
    return value;
  });

export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: scalar, weight: 6 },
  { arbitrary: nested, weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>, weight: 2 },
  { arbitrary: fc.constant<Json>({ polluted: true }), weight: 1 },
);
