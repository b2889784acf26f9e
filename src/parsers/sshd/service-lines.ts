import type { SecurityEvent } from '../../core/index.ts';
import type { SshdHeader } from './build-sshd-event.ts';
import { NO_TIMESTAMP, NOT_SSHD } from './sshd-auth.ts';
import {
  buildMailFailureEvent,
  buildMailRejectionEvent,
  createMailAttemptCounter,
  MAIL_ATTEMPTS_REPORTED,
  mailServerAt,
  matchMailFailure,
  matchSmtpRefusal,
} from '../mail-log/index.ts';
import {
  buildScreenSharingEvent,
  isScreenSharingAt,
  matchScreenSharingLogin,
} from '../screen-sharing/index.ts';
import { buildFtpEvent, ftpServerAt, matchFtpLogin } from '../ftp-log/index.ts';
import { isApacheProgramAt, mapHttpAuthFailure, readApacheFields } from '../web-error-log/index.ts';
import { isMysqlProgramAt, mapMysqlLoginFailure, readMysqlSyslogMessage } from '../mysql/index.ts';
import {
  isAsteriskAt,
  isFreeswitchAt,
  mapAsteriskAuthFailure,
  readAsteriskMessage,
  readFreeswitchMessage,
} from '../asterisk/index.ts';
import { mapWebAdminLogin, matchWebAdminLogin, webAdminAppAt } from '../web-admin/index.ts';
import { HAPROXY, mapAccessEvent, readHaproxyLine } from '../access-log/index.ts';
import { mapVaultLogin, readVaultSyslogMessage, vaultAppAt } from '../vaultwarden/index.ts';
import { createSlapdReader, isSlapdAt, mapLdapBind } from '../slapd/index.ts';
import { isSambaAt, mapSambaAuth, readSambaAuth } from '../samba/index.ts';
import { appProgramAt, mapAppLogRecord, NOT_APP_LOG, readAppSyslogMessage } from '../app-log/index.ts';
import { isOpenvpnAt, mapOpenvpnRefusal, OPENVPN_LINE_UNUSED, readOpenvpnMessage } from '../openvpn/index.ts';
import {
  createPostgresqlReader,
  isPostgresqlAt,
  mapPostgresqlLogin,
  readPostgresqlSyslogMessage,
} from '../postgresql/index.ts';
import { programNamed } from '../syslog/index.ts';
import { isSogoAt, mapSogoLogin, matchSogoLogin } from '../sogo/index.ts';
import { isNamedAt, mapNamedDenial, matchNamedDenial } from '../bind/index.ts';
import { mapNetfilterPacket, readFilterlogMessage, readNetfilterMessage } from '../firewall/index.ts';
import { isAsaTagAt, mapAsaLoginFailure, readAsaMessage } from '../cisco-asa/index.ts';
import { readSrxSessionDeny } from '../juniper/index.ts';
import {
  isIosSequenceAt,
  isIosTagAt,
  mapIosRecord,
  readIosMessage,
  readIosTimedMessage,
} from '../cisco-ios/index.ts';
import {
  isFail2banAt,
  mapFail2banBan,
  readFail2banActionsMessage,
  readFail2banMessage,
} from '../fail2ban/index.ts';
import {
  createRoundcubeReader,
  isRoundcubeAt,
  mapRoundcubeLogin,
  readRoundcubeMessage,
} from '../roundcube/index.ts';

/** A service's syslog line, as the sshd parser hands it on. */
export interface ServiceLine {
  header: SshdHeader & { program: string };
  /** The whole line (`event.original`) and its message. */
  line: string;
  message: string;
  /** Epoch ms; NaN when the line has no time (RFC 5424's `-`). */
  time: number;
}

/** What reading a service's line gave: events, a skip reason, or nothing (PAM's reader may try it). */
export type ServiceResult = SecurityEvent[] | string | undefined;

interface Service {
  /** Whether the program name `text` holds from `start` to `end` is this service's (no string made). */
  at(text: string, start: number, end: number): boolean;
  /** Its events, given a formatter of the line's time; a reason; undefined for PAM's reader. */
  read(input: ServiceLine, timestamp: (time: number) => string): ServiceResult;
}

/**
 * The services besides the SSH servers and the account tools whose lines the sshd parser reads from
 * syslog: mail (../mail-log), FTP (../ftp-log), macOS Screen Sharing, Apache's error lines, MySQL,
 * PostgreSQL, Asterisk, Roundcube, Webmin, Usermin, phpMyAdmin, Proxmox, Monit, Vaultwarden,
 * Bitwarden, OpenLDAP, Samba, OpenVPN, SOGo, BIND's refusals, fail2ban's bans, the packets netfilter
 * (the kernel's), pfSense's filterlog and a Cisco ASA logged (and the ASA's refused logins), Cisco
 * IOS's logins, access list denials and IPS signatures, a Juniper SRX's denied sessions, the
 * self-hosted applications
 * ../app-log reads, and HAProxy's HTTP log (as an access log's requests). One reader per parser:
 * sendmail's summaries are counted against the lines of their connection seen before (see
 * createMailAttemptCounter), Roundcube's userlogins lines against its errors lines (see
 * createRoundcubeReader), slapd's bind results joined to their connection's client (see
 * createSlapdReader), PostgreSQL's logins to their session's (see createPostgresqlReader).
 */
export function createServiceLines(): {
  isServiceAt(text: string, start: number, end: number): boolean;
  read(input: ServiceLine, timestamp: (time: number) => string): ServiceResult;
} {
  const mailAttempts = createMailAttemptCounter();
  const roundcube = createRoundcubeReader();
  const slapd = createSlapdReader();
  const postgresql = createPostgresqlReader();
  const services: Service[] = [
    {
      at: isScreenSharingAt,
      read: (input, timestamp) =>
        withTime(input, matchScreenSharingLogin(input.message) ?? NOT_SSHD, (login) => [
          buildScreenSharingEvent(input.header, input.line, input.message, timestamp(input.time), login),
        ]),
    },
    {
      at: isApacheProgramAt,
      read: (input) => {
        const found = readApacheFields(input.message, 0);
        return withTime(input, typeof found === 'string' ? NOT_SSHD : found, (fields) => [
          mapHttpAuthFailure(
            input.line,
            { server: 'apache', time: input.time, ...fields },
            input.header.hostname,
          ),
        ]);
      },
    },
    {
      at: isMysqlProgramAt,
      read: (input) =>
        withTime(input, readMysqlSyslogMessage(input.message) ?? NOT_SSHD, (found) => [
          mapMysqlLoginFailure(input.line, { ...found, time: input.time }, input.header.hostname),
        ]),
    },
    {
      at: isAsteriskAt,
      read: (input) =>
        withTime(input, readAsteriskMessage(input.message) ?? NOT_SSHD, (found) => [
          mapAsteriskAuthFailure(input.line, found, input.time, input.header.hostname),
        ]),
    },
    {
      at: isFreeswitchAt,
      read: (input) =>
        withTime(input, readFreeswitchMessage(input.message) ?? NOT_SSHD, (found) => [
          mapAsteriskAuthFailure(input.line, found, input.time, input.header.hostname),
        ]),
    },
    {
      at: isPostgresqlAt,
      read: (input) => {
        const messages = readPostgresqlSyslogMessage(input.message);
        const found = messages === undefined ? NOT_SSHD : postgresql(input.header.pid, messages);
        return withTime(input, found, (login) => [
          mapPostgresqlLogin(input.line, login, input.time, input.header.hostname),
        ]);
      },
    },
    {
      at: isRoundcubeAt,
      read: (input) =>
        withTime(input, readRoundcubeMessage(input.message, input.time, roundcube) ?? NOT_SSHD, (found) => [
          mapRoundcubeLogin(input.line, found, input.time, input.header.hostname),
        ]),
    },
    {
      at: programNamed(HAPROXY),
      // The syslog line's time, as for every service here (HAProxy's own is the request's accept).
      read: (input, timestamp) =>
        withTime(input, readHaproxyLine(input.message) ?? NOT_SSHD, (access) => {
          const event = mapAccessEvent(input.line, access, timestamp(input.time));
          const host = input.header.hostname;
          if (host !== undefined) event.host = { hostname: host, name: host };
          return [event];
        }),
    },
    {
      at: isSlapdAt,
      read: (input) =>
        withTime(input, slapd(input.message), (bind) => [
          mapLdapBind(input.line, bind, input.time, input.header.hostname),
        ]),
    },
    {
      at: isSambaAt,
      // rsyslog writes the carriage return Samba ends the line with as `#015`.
      read: (input) =>
        withTime(input, readSambaAuth(input.message.replace(/(?: ?#015|\r)$/, '')), (auth) => [
          mapSambaAuth(input.line, auth, input.time, input.header.hostname),
        ]),
    },
    {
      // A self-hosted application's own line, as Docker's syslog driver or journald hand it on.
      at: appProgramAt,
      read: (input) => {
        const found = readAppSyslogMessage(input.message);
        return withTime(input, found === NOT_APP_LOG ? NOT_SSHD : found, (record) => [
          mapAppLogRecord(input.line, record, input.time, input.header.hostname),
        ]);
      },
    },
    {
      // A packet a netfilter rule logged (iptables, nftables, UFW, firewalld): the kernel's message.
      at: programNamed('kernel'),
      read: (input) =>
        withTime(input, readNetfilterMessage(input.message) ?? NOT_SSHD, (packet) => [
          mapNetfilterPacket(input.line, packet, input.time, input.header.hostname),
        ]),
    },
    {
      // pfSense's and OPNsense's packet filter log, forwarded by syslog.
      at: programNamed('filterlog'),
      read: (input) =>
        withTime(input, readFilterlogMessage(input.message) ?? NOT_SSHD, (packet) => [
          mapNetfilterPacket(input.line, packet, input.time, input.header.hostname),
        ]),
    },
    {
      // A Cisco ASA's or FTD's message, its `%ASA-LEVEL-NUMBER` tag where syslog puts the program.
      at: isAsaTagAt,
      read: (input) => {
        const tag = input.header.program;
        const found = readAsaMessage(tag.slice(tag.lastIndexOf('-') + 1), input.message);
        return withTime(input, found ?? NOT_SSHD, (record) => [
          'login' in record
            ? mapAsaLoginFailure(input.line, record.login, input.time, input.header.hostname)
            : mapNetfilterPacket(input.line, record.packet, input.time, input.header.hostname),
        ]);
      },
    },
    {
      // A Juniper SRX's flow sessions: those its policy denied.
      at: programNamed('RT_FLOW'),
      read: (input) =>
        withTime(input, readSrxSessionDeny(input.message) ?? NOT_SSHD, (packet) => [
          mapNetfilterPacket(input.line, packet, input.time, input.header.hostname),
        ]),
    },
    {
      // A Cisco IOS (IOS XE, NX-OS) message, its `%FACILITY-SEVERITY-MNEMONIC` tag where the program goes.
      at: isIosTagAt,
      read: (input) => readIos(input, input.header.program, input.message),
    },
    {
      // The same after IOS's sequence number (`123: *Mar  4 10:00:01.123 UTC: %SEC_LOGIN-...`).
      at: isIosSequenceAt,
      read: (input) => {
        const timed = readIosTimedMessage(input.message);
        return timed === undefined ? NOT_SSHD : readIos(input, timed.tag, timed.message);
      },
    },
    {
      // fail2ban-server's journal carries its whole log line; its syslog target tags each line
      // with the logger's name (fail2ban.actions).
      at: isFail2banAt,
      read: (input) => {
        const ban =
          input.header.program === 'fail2ban-server'
            ? readFail2banMessage(input.message)
            : readFail2banActionsMessage(input.message, input.header.pid);
        return withTime(input, ban, (found) => [
          mapFail2banBan(input.line, found, input.time, input.header.hostname),
        ]);
      },
    },
    {
      at: isNamedAt,
      read: (input) =>
        withTime(input, matchNamedDenial(input.message), (found) => [
          mapNamedDenial(input.line, found, input.time, input.header.hostname),
        ]),
    },
    {
      at: isSogoAt,
      read: (input) =>
        withTime(input, matchSogoLogin(input.message), (found) => [
          mapSogoLogin(input.line, found, input.time, input.header.hostname),
        ]),
    },
    {
      at: isOpenvpnAt,
      read: (input) =>
        withTime(input, readOpenvpnMessage(input.message) ?? OPENVPN_LINE_UNUSED, (found) => [
          mapOpenvpnRefusal(input.line, found, input.time, input.header.hostname),
        ]),
    },
    appService(vaultAppAt, readVaultSyslogMessage, mapVaultLogin),
    appService(webAdminAppAt, matchWebAdminLogin, mapWebAdminLogin),
    {
      at: (text, start, end) => ftpServerAt(text, start, end) !== undefined,
      // An FTP server's PAM lines go on to PAM's reader.
      read: (input, timestamp) => {
        const server = ftpServerAt(input.header.program, 0, input.header.program.length);
        const ftp = server === undefined ? undefined : matchFtpLogin(server, input.message);
        if (ftp === undefined) return undefined;
        return withTime(input, ftp, (login) => [
          buildFtpEvent(input.header, input.line, input.message, timestamp(input.time), login),
        ]);
      },
    },
    {
      at: (text, start, end) => mailServerAt(text, start, end) !== undefined,
      // Dovecot's PAM lines go on to PAM's reader.
      read: (input, timestamp) => {
        const { program } = input.header;
        const kind = mailServerAt(program, 0, program.length);
        const failure = kind === undefined ? undefined : matchMailFailure(kind, program, input.message);
        if (failure === undefined) {
          // A relay or a recipient refused, a connection without mail: no login, but a probe or a harvest.
          const ended = kind === undefined ? undefined : matchSmtpRefusal(kind, input.message);
          if (ended === undefined) return undefined;
          return withTime(input, ended, (found) => [
            buildMailRejectionEvent(input.header, input.line, input.message, timestamp(input.time), found),
          ]);
        }
        if (Number.isNaN(input.time)) return NO_TIMESTAMP;
        // Dovecot and sendmail sum a connection's failed attempts in one line: one event each, less
        // those its own lines reported.
        const attempts = mailAttempts(failure);
        if (attempts === 0) return MAIL_ATTEMPTS_REPORTED;
        const event = () =>
          buildMailFailureEvent(input.header, input.line, input.message, timestamp(input.time), failure);
        return Array.from({ length: attempts }, event);
      },
    },
  ];
  const serviceAt = (text: string, start: number, end: number) =>
    services.find((service) => service.at(text, start, end));
  return {
    isServiceAt: (text, start, end) => serviceAt(text, start, end) !== undefined,
    read(input, timestamp) {
      const { program } = input.header;
      return serviceAt(program, 0, program.length)?.read(input, timestamp);
    },
  };
}

/**
 * A service whose program name says which of several applications wrote the line (`appAt`), whose
 * message `match` reads for that application, and whose finding `map` makes one event of.
 */
function appService<App, Found>(
  appAt: (text: string, start: number, end: number) => App | undefined,
  match: (app: App, message: string) => Found | undefined,
  map: (line: string, found: Found, time: number, host?: string) => SecurityEvent,
): Service {
  return {
    at: (text, start, end) => appAt(text, start, end) !== undefined,
    read(input) {
      const { program } = input.header;
      const app = appAt(program, 0, program.length);
      const found = app === undefined ? undefined : match(app, input.message);
      return withTime(input, found ?? NOT_SSHD, (login) => [
        map(input.line, login, input.time, input.header.hostname),
      ]);
    },
  };
}

/** The events of what a line reports (or the reason it reports none), if the line has a time. */
/** An IOS message's events (see ../cisco-ios), at the syslog header's time. */
function readIos(input: ServiceLine, tag: string, message: string): ServiceResult {
  return withTime(input, readIosMessage(tag, message) ?? NOT_SSHD, (record) => [
    mapIosRecord(input.line, tag, record, input.time, input.header.hostname),
  ]);
}

function withTime<T>(
  input: ServiceLine,
  found: T | string,
  events: (found: T) => SecurityEvent[],
): ServiceResult {
  if (typeof found === 'string') return found;
  return Number.isNaN(input.time) ? NO_TIMESTAMP : events(found);
}
