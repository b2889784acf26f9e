import { accessLogTarget } from './access-log.fuzz.ts';
import { auditdTarget } from './auditd.fuzz.ts';
import { vsftpdTarget } from './vsftpd.fuzz.ts';
import { webErrorLogTarget } from './web-error-log.fuzz.ts';
import { mysqlTarget } from './mysql.fuzz.ts';
import { asteriskTarget } from './asterisk.fuzz.ts';
import { eximTarget } from './exim.fuzz.ts';
import { roundcubeTarget } from './roundcube.fuzz.ts';
import { mssqlTarget } from './mssql.fuzz.ts';
import { windowsCsvTarget } from './windows-csv.fuzz.ts';
import { vaultwardenTarget } from './vaultwarden.fuzz.ts';
import { mongodbTarget } from './mongodb.fuzz.ts';
import {
  appLogTarget,
  bindTarget,
  gitlabTarget,
  grafanaTarget,
  iisTarget,
  openvpnTarget,
  squidTarget,
  fail2banTarget,
  fortigateTarget,
  panosTarget,
  sonicwallTarget,
  sophosTarget,
} from './app-logs.fuzz.ts';
import { dovecotTarget } from './dovecot.fuzz.ts';
import { postgresqlTarget } from './postgresql.fuzz.ts';
import { configTarget } from './config.fuzz.ts';
import { cowrieTarget } from './cowrie.fuzz.ts';
import { ingestTarget } from './ingest.fuzz.ts';
import { ndjsonTarget } from './ndjson.fuzz.ts';
import { rulesTarget } from './rules.fuzz.ts';
import type { FuzzTarget } from './runner.ts';
import { sshdTarget } from './sshd.fuzz.ts';
import { logreadTarget, rfc3164Target, rfc5424Target } from './syslog.fuzz.ts';
import { windowsTarget } from './windows.fuzz.ts';
import { windowsXmlTarget } from './windows-xml.fuzz.ts';
import { winEventLogTarget } from './wineventlog.fuzz.ts';

/** Every fuzz target: each parser, the rule and config loaders, the ingest API. */
export const FUZZ_TARGETS: readonly FuzzTarget<never>[] = [
  sshdTarget,
  rfc3164Target,
  rfc5424Target,
  logreadTarget,
  windowsTarget,
  windowsXmlTarget,
  winEventLogTarget,
  ndjsonTarget,
  cowrieTarget,
  accessLogTarget,
  auditdTarget,
  vsftpdTarget,
  webErrorLogTarget,
  mysqlTarget,
  asteriskTarget,
  eximTarget,
  roundcubeTarget,
  mssqlTarget,
  windowsCsvTarget,
  vaultwardenTarget,
  mongodbTarget,
  gitlabTarget,
  grafanaTarget,
  dovecotTarget,
  postgresqlTarget,
  appLogTarget,
  openvpnTarget,
  bindTarget,
  iisTarget,
  squidTarget,
  fail2banTarget,
  fortigateTarget,
  panosTarget,
  sonicwallTarget,
  sophosTarget,
  rulesTarget,
  configTarget,
  ingestTarget,
] as unknown as FuzzTarget<never>[];
