export type { EmitEvent, LineParser, ParserDefinition, ParserOptions } from './parser.ts';
export { sshdParser } from './sshd/index.ts';
export { windowsParser, enrichWindowsEvent, adoptNxlogDocument } from './windows/index.ts';
export { windowsXmlParser } from './windows-xml/index.ts';
export { ndjsonParser } from './ndjson/index.ts';
export { cowrieParser } from './cowrie/index.ts';
export { accessLogParser } from './access-log/index.ts';
export { auditdParser } from './auditd/index.ts';
export { winEventLogParser } from './windows-text/index.ts';
export { vsftpdParser } from './vsftpd/index.ts';
export { webErrorLogParser } from './web-error-log/index.ts';
export { mysqlParser } from './mysql/index.ts';
export { asteriskParser } from './asterisk/index.ts';
export { eximParser } from './exim/index.ts';
export { roundcubeParser } from './roundcube/index.ts';
export { mssqlParser } from './mssql/index.ts';
export { windowsCsvParser } from './windows-csv/index.ts';
export { vaultwardenParser } from './vaultwarden/index.ts';
export { mongodbParser } from './mongodb/index.ts';
export { gitlabParser } from './gitlab/index.ts';
export { grafanaParser } from './grafana/index.ts';
export { dovecotParser } from './dovecot/index.ts';
export { postgresqlParser } from './postgresql/index.ts';
export { appLogParser } from './app-log/index.ts';
export { openvpnParser } from './openvpn/index.ts';
export { bindParser } from './bind/index.ts';
export { squidParser } from './squid/index.ts';
export { iisParser } from './iis/index.ts';
export { fail2banParser } from './fail2ban/index.ts';
export { fortigateParser } from './fortigate/index.ts';
export { panosParser } from './panos/index.ts';
export { sonicwallParser } from './sonicwall/index.ts';
export { sophosParser } from './sophos/index.ts';
export { readEcsObject, expandDottedKeys, detached, lineArena } from './ndjson/index.ts';
export { parserDefinitions, findParser, chooseParser, binaryFormats, sniffBinaryFormat } from './registry.ts';
export {
  readChunkEvents,
  decodeEvtxBuffer,
  CHUNK_SIZE,
  FILE_HEADER_SIZE,
  readFileHeader,
} from './evtx/index.ts';
export type { ChunkTally } from './evtx/index.ts';
export { SNIFF_LINES, MIN_SNIFF_SCORE } from './choose-parser.ts';
export type { BinaryFormat, ParserChoice, ParserScore } from './choose-parser.ts';
export { summarizeEvent } from './summarize/index.ts';
export { holdsLine, isSlimEvent, materializeEvent, slimSource } from './slim-event.ts';
export type { FormatLine } from './slim-event.ts';
export type { LineStore } from './slim-event.ts';
export type { LineBytes, ParsedLines } from './parse-lines.ts';
export { parseLines, parseLinesAt } from './parse-lines.ts';
