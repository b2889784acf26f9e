import type { SecurityEvent } from '../../core/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { createRecordParser } from '../record-parser.ts';
import { relatedFields } from '../auth-log/related-fields.ts';
import { shareOfLines } from '../share-of-lines.ts';
import { isVsftpdLine, readVsftpdLine, type VsftpdLogin } from './read-vsftpd-line.ts';

export { NOT_VSFTPD, VSFTPD_LINE_UNUSED } from './read-vsftpd-line.ts';

export const vsftpdParser: ParserDefinition = {
  format: 'vsftpd',
  description: "vsftpd's own log (vsftpd.log): FTP logins, failed and successful",
  sniff: (sample) => shareOfLines(sample, isVsftpdLine),
  create: (options) => createRecordParser(readVsftpdLine, mapVsftpdLogin, options),
};

/**
 * A vsftpd login as ECS: `ftp_login` (`event.category: authentication`), success or failure,
 * `user.name` the name the client gave, `source.ip`, `service.name: ftp`.
 */
function mapVsftpdLogin(line: string, login: VsftpdLogin): SecurityEvent {
  const event: SecurityEvent = {
    '@timestamp': new Date(login.time).toISOString(),
    event: {
      original: line,
      kind: 'event',
      module: 'vsftpd',
      dataset: 'vsftpd.log',
      category: ['authentication'],
      type: ['start'],
      action: 'ftp_login',
      outcome: login.outcome,
    },
    process: { name: 'vsftpd', pid: login.pid },
    service: { name: 'ftp' },
    source: { address: login.ip, ip: login.ip },
    related: relatedFields([login.user], login.ip, undefined),
  };
  if (login.reason !== undefined) event.event.reason = login.reason;
  if (login.user !== undefined) event.user = { name: login.user };
  return event;
}
