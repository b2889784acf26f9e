import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accessLogParser,
  auditdParser,
  chooseParser,
  cowrieParser,
  findParser,
  ndjsonParser,
  parserDefinitions,
  sniffBinaryFormat,
  sshdParser,
  windowsParser,
  windowsXmlParser,
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
} from './index.ts';
import { datasetUrl } from '../../test/support/datasets.ts';
import { binaryFormats } from './registry.ts';
import { FORMAT_NAMES } from './format-names.ts';

const shared = (path: string) => datasetUrl(path);
const head = (url: URL, lines = 200) => readFileSync(url, 'utf8').split('\n').slice(0, lines);

describe('parser registry', () => {
  it('has a --format name for every parser and binary format, and no other (the CLI help lists FORMAT_NAMES)', () => {
    const registered = [...parserDefinitions, ...binaryFormats].map((definition) => definition.format);
    expect([...FORMAT_NAMES].sort()).toEqual(registered.sort());
  });

  it('lists sshd, windows, ndjson, cowrie, access-log, windows-xml, auditd, wineventlog, vsftpd, web-error-log, mysql, asterisk, exim, roundcube, mssql, windows-csv, vaultwarden, mongodb, gitlab, grafana, dovecot, postgresql, app-log, openvpn, bind, iis, squid, fail2ban, fortigate, panos, sonicwall and sophos, each found by its format', () => {
    expect(parserDefinitions.map((definition) => definition.format)).toEqual([
      'sshd',
      'windows',
      'ndjson',
      'cowrie',
      'access-log',
      'windows-xml',
      'auditd',
      'wineventlog',
      'vsftpd',
      'web-error-log',
      'mysql',
      'asterisk',
      'exim',
      'roundcube',
      'mssql',
      'windows-csv',
      'vaultwarden',
      'mongodb',
      'gitlab',
      'grafana',
      'dovecot',
      'postgresql',
      'app-log',
      'openvpn',
      'bind',
      'iis',
      'squid',
      'fail2ban',
      'fortigate',
      'panos',
      'sonicwall',
      'sophos',
    ]);
    expect(findParser('windows-xml')).toBe(windowsXmlParser);
    expect(findParser('cowrie')).toBe(cowrieParser);
    expect(findParser('access-log')).toBe(accessLogParser);
    expect(findParser('AUDITD')).toBe(auditdParser);
    expect(findParser('WinEventLog')).toBe(winEventLogParser);
    expect(findParser('vsftpd')).toBe(vsftpdParser);
    expect(findParser('web-error-log')).toBe(webErrorLogParser);
    expect(findParser('MySQL')).toBe(mysqlParser);
    expect(findParser('asterisk')).toBe(asteriskParser);
    expect(findParser('Exim')).toBe(eximParser);
    expect(findParser('roundcube')).toBe(roundcubeParser);
    expect(findParser('MSSQL')).toBe(mssqlParser);
    expect(findParser('windows-csv')).toBe(windowsCsvParser);
    expect(findParser('Vaultwarden')).toBe(vaultwardenParser);
    expect(findParser('MongoDB')).toBe(mongodbParser);
    expect(findParser('gitlab')).toBe(gitlabParser);
    expect(findParser('grafana')).toBe(grafanaParser);
    expect(findParser('Dovecot')).toBe(dovecotParser);
    expect(findParser('postgresql')).toBe(postgresqlParser);
    expect(findParser('app-log')).toBe(appLogParser);
    expect(findParser('OpenVPN')).toBe(openvpnParser);
    expect(findParser('BIND')).toBe(bindParser);
    expect(findParser('IIS')).toBe(iisParser);
    expect(findParser('Squid')).toBe(squidParser);
    expect(findParser('fail2ban')).toBe(fail2banParser);
    expect(findParser('FortiGate')).toBe(fortigateParser);
    expect(findParser('PANOS')).toBe(panosParser);
    expect(findParser('SonicWall')).toBe(sonicwallParser);
    expect(findParser('Sophos')).toBe(sophosParser);
    expect(findParser('sshd')).toBe(sshdParser);
    expect(findParser('Windows')).toBe(windowsParser);
    expect(findParser('ndjson')).toBe(ndjsonParser);
    expect(findParser('csv')).toBeUndefined();
  });

  it('recognises a real .evtx file by its first bytes, and nothing else as binary', () => {
    const evtx = readFileSync(
      shared('windows/evtx-to-mitre-attack/raw/ID4771-Kerberos_brutforce_with_valid_user.evtx'),
    );
    expect(sniffBinaryFormat(evtx.subarray(0, 8))?.format).toBe('evtx');
    expect(sniffBinaryFormat(Buffer.from('ElfFile'))).toBeUndefined();
    expect(sniffBinaryFormat(readFileSync(shared('sshd/auth.log')).subarray(0, 8))).toBeUndefined();
    expect(sniffBinaryFormat(new Uint8Array())).toBeUndefined();
  });

  it('recognises a real sshd auth.log', () => {
    const choice = chooseParser(head(shared('sshd/auth.log')));
    expect(choice.kind === 'found' && choice.parser.format).toBe('sshd');
  });

  it('recognises the real Winlogbeat-shaped Windows JSON lines', () => {
    const url = shared('windows/evtx-to-mitre-attack/jsonl/ID4771-Kerberos_brutforce_with_valid_user.jsonl');
    const choice = chooseParser(head(url));
    expect(choice.kind).toBe('found');
    if (choice.kind !== 'found') return;
    expect(choice.parser).toBe(windowsParser);
    expect(choice.scores).toEqual([
      { format: 'sshd', score: 0 },
      { format: 'windows', score: 0.95 },
      { format: 'ndjson', score: 0.9 },
      { format: 'cowrie', score: 0 },
      { format: 'access-log', score: 0 },
      { format: 'windows-xml', score: 0 },
      { format: 'auditd', score: 0 },
      { format: 'wineventlog', score: 0 },
      { format: 'vsftpd', score: 0 },
      { format: 'web-error-log', score: 0 },
      { format: 'mysql', score: 0 },
      { format: 'asterisk', score: 0 },
      { format: 'exim', score: 0 },
      { format: 'roundcube', score: 0 },
      { format: 'mssql', score: 0 },
      { format: 'windows-csv', score: 0 },
      { format: 'vaultwarden', score: 0 },
      { format: 'mongodb', score: 0 },
      { format: 'gitlab', score: 0 },
      { format: 'grafana', score: 0 },
      { format: 'dovecot', score: 0 },
      { format: 'postgresql', score: 0 },
      { format: 'app-log', score: 0 },
      { format: 'openvpn', score: 0 },
      { format: 'bind', score: 0 },
      { format: 'iis', score: 0 },
      { format: 'squid', score: 0 },
      { format: 'fail2ban', score: 0 },
      { format: 'fortigate', score: 0 },
      { format: 'panos', score: 0 },
      { format: 'sonicwall', score: 0 },
      { format: 'sophos', score: 0 },
    ]);
  });

  it("recognises journald's JSON export of sshd as sshd, not generic ndjson", () => {
    const journal = (message: string) =>
      JSON.stringify({
        __REALTIME_TIMESTAMP: '1709546401000000',
        SYSLOG_IDENTIFIER: 'sshd',
        _PID: '7',
        MESSAGE: message,
      });
    const choice = chooseParser([
      journal('Failed password for root from 203.0.113.1 port 5 ssh2'),
      journal('Connection closed by 203.0.113.1 port 5 [preauth]'),
    ]);
    expect(choice.kind === 'found' && choice.parser).toBe(sshdParser);
  });

  it('recognises application ECS events as ndjson', () => {
    const choice = chooseParser(head(new URL('./ndjson/testdata/app-events.ndjson', import.meta.url), 3));
    expect(choice.kind === 'found' && choice.parser).toBe(ndjsonParser);
  });

  it('says none fits for an empty input and for text it does not know', () => {
    expect(chooseParser([]).kind).toBe('none');
    expect(chooseParser(['', '']).kind).toBe('none');
    const unknown = chooseParser(['time,user,action', '2024-05-01,alice,login']);
    expect(unknown.kind).toBe('none');
    expect(unknown.kind === 'none' && unknown.message).toMatch(
      /^cannot detect the format: none of \[sshd, windows, ndjson, cowrie, access-log, windows-xml, auditd, wineventlog, vsftpd, web-error-log, mysql, asterisk, exim, roundcube, mssql, windows-csv, vaultwarden, mongodb, gitlab, grafana, dovecot, postgresql, app-log, openvpn, bind, iis, squid, fail2ban, fortigate, panos, sonicwall, sophos\]/,
    );
  });
});
