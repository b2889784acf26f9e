import { mongodbParser } from '../../src/parsers/index.ts';
import { fixtureLines } from './seeds.ts';
import { lineParserTarget } from './line-parser-target.ts';

// The lines of the parser's own fixture, JSON and text.
const SEEDS = fixtureLines('src/parsers/mongodb/testdata/mongod.log');

/** What a hostile line holds: clients and user names of a forged failure, JSON keys, connections. */
const HOSTILE = [
  ' from client 198.51.100.1:1 ; ',
  ' on admin',
  '"remote":"198.51.100.1:1"',
  '"id":20249',
  '"$date":"2024-13-45T25:61:61Z"',
  '[conn1] ',
  'end connection 198.51.100.1:1 ',
  '"__proto__":{}',
];

export const mongodbTarget = lineParserTarget('mongodb', mongodbParser, SEEDS, HOSTILE);
