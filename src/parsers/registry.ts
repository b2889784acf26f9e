import type { BinaryFormat, ParserChoice } from './choose-parser.ts';
import { chooseParserFrom, findParserIn, sniffBinaryFormatIn } from './choose-parser.ts';
import { looksLikeEvtx } from './evtx/index.ts';
import type { ParserDefinition } from './parser.ts';
import { ndjsonParser } from './ndjson/index.ts';
import { sshdParser } from './sshd/index.ts';
import { windowsParser } from './windows/index.ts';
import { cowrieParser } from './cowrie/index.ts';
import { accessLogParser } from './access-log/index.ts';
import { windowsXmlParser } from './windows-xml/index.ts';
import { auditdParser } from './auditd/index.ts';
import { winEventLogParser } from './windows-text/index.ts';
import { vsftpdParser } from './vsftpd/index.ts';
import { webErrorLogParser } from './web-error-log/index.ts';
import { mysqlParser } from './mysql/index.ts';
import { asteriskParser } from './asterisk/index.ts';
import { eximParser } from './exim/index.ts';
import { roundcubeParser } from './roundcube/index.ts';
import { mssqlParser } from './mssql/index.ts';
import { windowsCsvParser } from './windows-csv/index.ts';
import { vaultwardenParser } from './vaultwarden/index.ts';
import { mongodbParser } from './mongodb/index.ts';
import { gitlabParser } from './gitlab/index.ts';
import { grafanaParser } from './grafana/index.ts';
import { dovecotParser } from './dovecot/index.ts';
import { postgresqlParser } from './postgresql/index.ts';
import { appLogParser } from './app-log/index.ts';
import { openvpnParser } from './openvpn/index.ts';
import { bindParser } from './bind/index.ts';
import { squidParser } from './squid/index.ts';
import { iisParser } from './iis/index.ts';
import { fail2banParser } from './fail2ban/index.ts';
import { fortigateParser } from './fortigate/index.ts';
import { panosParser } from './panos/index.ts';
import { sonicwallParser } from './sonicwall/index.ts';
import { sophosParser } from './sophos/index.ts';

/** Every parser Klaxon ships; on equal sniff scores the earlier one wins. */
export const parserDefinitions: readonly ParserDefinition[] = [
  sshdParser,
  windowsParser,
  ndjsonParser,
  cowrieParser,
  accessLogParser,
  windowsXmlParser,
  auditdParser,
  winEventLogParser,
  vsftpdParser,
  webErrorLogParser,
  mysqlParser,
  asteriskParser,
  eximParser,
  roundcubeParser,
  mssqlParser,
  windowsCsvParser,
  vaultwardenParser,
  mongodbParser,
  gitlabParser,
  grafanaParser,
  dovecotParser,
  postgresqlParser,
  appLogParser,
  openvpnParser,
  bindParser,
  iisParser,
  squidParser,
  fail2banParser,
  fortigateParser,
  panosParser,
  sonicwallParser,
  sophosParser,
];

/** The parser for a `--format` value (see format-names.ts; `evtx` is a binary format); case ignored. */
export function findParser(format: string): ParserDefinition | undefined {
  return findParserIn(parserDefinitions, format);
}

/** The parser that best fits the first non-empty lines of an input, or why none does. */
export function chooseParser(sample: readonly string[]): ParserChoice {
  return chooseParserFrom(parserDefinitions, sample);
}

/** Binary formats, sniffed by signature before any line is read. */
export const binaryFormats: readonly BinaryFormat[] = [
  {
    format: 'evtx',
    description: 'Windows event log files (.evtx), decoded into the documents Winlogbeat ships',
    matches: looksLikeEvtx,
  },
];

/** The binary format a file's first bytes announce (`evtx` for "ElfFile\0"), if any. */
export function sniffBinaryFormat(head: Uint8Array): BinaryFormat | undefined {
  return sniffBinaryFormatIn(binaryFormats, head);
}
