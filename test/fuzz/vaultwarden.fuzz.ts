import { vaultwardenParser } from '../../src/parsers/index.ts';
import { fixtureLines } from './seeds.ts';
import { lineParserTarget } from './line-parser-target.ts';

// The lines of the parser's own fixture.
const SEEDS = fixtureLines('src/parsers/vaultwarden/testdata/vault.log');

/** What a hostile line holds: addresses and user names of a forged failure, heads cut short. */
const HOSTILE = [
  '. IP: 198.51.100.1',
  '. Username: ',
  ' IP: ',
  '][ERROR] ',
  '[vaultwarden::api::identity]',
  ', 2FA invalid',
  ' +99:99 [WRN] ',
  '[2024-13-45 25:61:61.000]',
];

export const vaultwardenTarget = lineParserTarget('vaultwarden', vaultwardenParser, SEEDS, HOSTILE);
