import type { SecurityEvent } from '../../core/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { buildForgedAddressEvent, isForged } from '../forged-address-event.ts';
import { buildAppLoginEvent, buildLoginFailureEvent } from '../login-failure-event.ts';
import { createRecordParser } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { createYearResolver } from '../syslog/index.ts';
import type { YearResolver } from '../syslog/index.ts';
import type { AppForgedRecord, AppLoginRecord } from './app-login-record.ts';
import { NOT_THIS_APP } from './app-login-record.ts';
import { readAdguardHomeLine } from './read-adguard-home.ts';
import { readAudiobookshelfLine } from './read-audiobookshelf.ts';
import { readAutheliaLine } from './read-authelia.ts';
import { readAuthentikLine } from './read-authentik.ts';
import { readCpanelLine } from './read-cpanel.ts';
import { readEmbyLine } from './read-emby.ts';
import { readGiteaLine } from './read-gitea.ts';
import { readGuacamoleClockLine, readGuacamoleLine } from './read-guacamole.ts';
import { readHomeAssistantLine } from './read-home-assistant.ts';
import { readImmichLine } from './read-immich.ts';
import { readJellyfinLine } from './read-jellyfin.ts';
import { readKeycloakLine } from './read-keycloak.ts';
import { readLitespeedLine } from './read-litespeed.ts';
import { readMikrotikLine } from './read-mikrotik.ts';
import { readMonitLine } from './read-monit.ts';
import { readNavidromeLine } from './read-navidrome.ts';
import { readNextcloudLine } from './read-nextcloud.ts';
import { readOdooLine } from './read-odoo.ts';
import { readPaperlessLine } from './read-paperless.ts';
import { readUptimeKumaLine } from './read-uptime-kuma.ts';
import { readWebminLine } from './read-webmin.ts';
import { readZimbraLine } from './read-zimbra.ts';

export { ADGUARD_LINE_UNUSED } from './read-adguard-home.ts';
export { AUDIOBOOKSHELF_LINE_UNUSED } from './read-audiobookshelf.ts';
export { AUTHELIA_LINE_UNUSED } from './read-authelia.ts';
export { AUTHENTIK_LINE_UNUSED } from './read-authentik.ts';
export { CPANEL_LINE_UNUSED } from './read-cpanel.ts';
export { EMBY_LINE_UNUSED } from './read-emby.ts';
export { GITEA_LINE_UNUSED } from './read-gitea.ts';
export { GUACAMOLE_LINE_UNUSED } from './read-guacamole.ts';
export { MONIT_LINE_UNUSED } from './read-monit.ts';
export { HOME_ASSISTANT_LINE_UNUSED } from './read-home-assistant.ts';
export { IMMICH_LINE_UNUSED } from './read-immich.ts';
export { JELLYFIN_LINE_UNUSED } from './read-jellyfin.ts';
export { KEYCLOAK_LINE_UNUSED } from './read-keycloak.ts';
export { LITESPEED_LINE_UNUSED } from './read-litespeed.ts';
export { MIKROTIK_LINE_UNUSED } from './read-mikrotik.ts';
export { NAVIDROME_LINE_UNUSED } from './read-navidrome.ts';
export { NEXTCLOUD_LINE_UNUSED } from './read-nextcloud.ts';
export { ODOO_LINE_UNUSED } from './read-odoo.ts';
export { PAPERLESS_LINE_UNUSED } from './read-paperless.ts';
export { UPTIME_KUMA_LINE_UNUSED } from './read-uptime-kuma.ts';
export { WEBMIN_LINE_UNUSED } from './read-webmin.ts';
export { ZIMBRA_LINE_UNUSED } from './read-zimbra.ts';

/** A line of none of the applications' logs below. */
export const NOT_APP_LOG = 'not-app-log';

/** The readers, each of one application's own log; each answers NOT_THIS_APP for the others'. */
const READERS = [
  readNextcloudLine,
  readGiteaLine,
  readAutheliaLine,
  readAuthentikLine,
  readKeycloakLine,
  readJellyfinLine,
  readZimbraLine,
  readWebminLine,
  readPaperlessLine,
  readImmichLine,
  readGuacamoleLine,
  readEmbyLine,
  readUptimeKumaLine,
  readAdguardHomeLine,
  readAudiobookshelfLine,
  readOdooLine,
  readCpanelLine,
  readLitespeedLine,
  readMikrotikLine,
  readNavidromeLine,
  readHomeAssistantLine,
];

/** A line's login, why it has none, or NOT_APP_LOG. */
export function readAppLogLine(line: string): AppLoginRecord | AppForgedRecord | string {
  for (const read of READERS) {
    const found = read(line);
    if (found !== NOT_THIS_APP) return found;
  }
  return NOT_APP_LOG;
}

/**
 * A message of one of the applications in syslog (see APP_PROGRAMS): a line of its own log, or
 * Guacamole's in its default pattern, which has no date and is placed by the header's time.
 */
export function readAppSyslogMessage(message: string): AppLoginRecord | AppForgedRecord | string {
  const found = readAppLogLine(message);
  if (found !== NOT_APP_LOG) return found;
  const clock = readGuacamoleClockLine(message);
  return clock === NOT_THIS_APP ? NOT_APP_LOG : clock;
}

/**
 * The event of a line's login (or forged line) at `time`; `host`: the syslog header's, where the
 * line came through syslog.
 */
export function mapAppLogRecord(
  line: string,
  found: AppLoginRecord | AppForgedRecord,
  time: number,
  host?: string,
): SecurityEvent {
  if (isForged(found))
    return buildForgedAddressEvent({
      ...found,
      time,
      original: line,
      module: found.app,
      service: found.app,
      host,
    });
  return found.mail === undefined
    ? buildAppLoginEvent(line, found, time, host)
    : mailLoginEvent(line, found, found.mail, time, host);
}

/** A mail server's refused login as the mail rules count it (`mail_auth_failure`, see ../mail-log). */
function mailLoginEvent(line: string, found: AppLoginRecord, protocol: string, time: number, host?: string) {
  return buildLoginFailureEvent({
    original: line,
    time,
    module: found.app,
    dataset: found.dataset,
    category: ['authentication'],
    action: 'mail_auth_failure',
    reason: found.reason,
    ip: found.ip,
    user: found.user,
    service: protocol,
    host,
  });
}

export const appLogParser: ParserDefinition = {
  format: 'app-log',
  description:
    "Self-hosted applications' own logs: Nextcloud's, Gitea's/Forgejo's, Authelia's, authentik's, Keycloak's, Jellyfin's, Zimbra's, paperless-ngx's, Immich's, Guacamole's, Emby's, Uptime Kuma's, AdGuard Home's, Audiobookshelf's, Odoo's, Navidrome's, Home Assistant's, cPanel's, LiteSpeed's, MikroTik's and Monit's logins, and Webmin's action log",
  sniff: (sample) => {
    const years = createYearResolver({ year: 2000 });
    return shareOfLines(sample, (line) => readOwnLogLine(line, years) !== NOT_APP_LOG);
  },
  create: (options) => {
    const years = createYearResolver(options);
    return createRecordParser(
      (line) => readOwnLogLine(line, years),
      (line, found) => mapAppLogRecord(line, found, found.time),
      {
        ...options,
        notes: () => {
          const decision = years.describeDecision();
          return decision === undefined ? [] : [decision];
        },
      },
    );
  },
};

/** A line of one of the applications' own logs; Monit's, which names no year, placed in one by `years`. */
function readOwnLogLine(line: string, years: YearResolver): AppLoginRecord | AppForgedRecord | string {
  const found = readAppLogLine(line);
  if (found !== NOT_APP_LOG) return found;
  const monit = readMonitLine(line, years);
  return monit === NOT_THIS_APP ? NOT_APP_LOG : monit;
}

/**
 * The syslog names (or journald's, or Docker's syslog driver's tags) of the applications whose lines
 * readAppLogLine reads, for their lines in syslog (read by the sshd parser), by length.
 */
const APP_PROGRAMS = new Map<number, string[]>();
for (const name of [
  'nextcloud',
  'Nextcloud',
  'gitea',
  'forgejo',
  'authelia',
  'authentik',
  'authentik-server',
  'keycloak',
  'jellyfin',
  'paperless',
  'paperless-ngx',
  'immich',
  'immich-server',
  'immich_server',
  'guacamole',
  // Guacamole's web application, where it runs in Debian's and Ubuntu's Tomcat (systemd's journal).
  'tomcat',
  'tomcat9',
  'tomcat10',
  'emby',
  'emby-server',
  'uptime-kuma',
  'adguardhome',
  'AdGuardHome',
  'audiobookshelf',
  'odoo',
  'navidrome',
  'homeassistant',
  'home-assistant',
])
  APP_PROGRAMS.set(name.length, [...(APP_PROGRAMS.get(name.length) ?? []), name]);

/** Whether `text` names one of those applications from `start` to `end` (no string made). */
export function appProgramAt(text: string, start: number, end: number): boolean {
  return APP_PROGRAMS.get(end - start)?.some((name) => text.startsWith(name, start)) === true;
}
