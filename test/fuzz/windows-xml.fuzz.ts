import fc from 'fast-check';
import { windowsXmlParser } from '../../src/parsers/index.ts';
import { commonFragment } from './hostile.ts';
import { parseAll } from './invariants.ts';
import { mutatedLines } from './mutate.ts';
import { expectThat } from './runner.ts';
import type { FuzzTarget } from './runner.ts';
import { windowsXmlLines } from './seeds.ts';

/** What a hostile XML text holds: markup cut in two, entity tricks, a DTD, stray ends. */
const xmlFragment: fc.Arbitrary<string> = fc.oneof(
  commonFragment,
  fc.constantFrom(
    '<',
    '>',
    '</Event>',
    '<Event>',
    '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
    '</Data>',
    "<Data Name='IpAddress'>",
    '&amp;',
    '&#0;',
    '&#x110000;',
    '&undefined;',
    '<!DOCTYPE Event [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    '<![CDATA[',
    ']]>',
    '<?xml version="1.0"?>',
    '<!--',
    '-->',
    '\n',
  ),
);

/** Up to 4 lines: real events as XML with edits, some broken in two where a line ends. */
const input: fc.Arbitrary<string[]> = mutatedLines(fc.constantFrom(...windowsXmlLines()), xmlFragment, 4);

export const windowsXmlTarget: FuzzTarget<string[]> = {
  name: 'windows-xml',
  arbitrary: input,
  pending: [],
  start: () => ({
    check(lines) {
      const parser = windowsXmlParser.create({});
      for (const event of parseAll(parser, lines, true)) {
        const original = event.event.original;
        expectThat(
          typeof original === 'string' && original.startsWith('<Event') && original.endsWith('</Event>'),
          'event.original is not one event',
        );
      }
    },
  }),
};
