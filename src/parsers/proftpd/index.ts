// ProFTPD's logins, in the syslog the sshd parser reads (or ProFTPD's own log file, of the same form).
export { buildProftpdEvent } from './build-proftpd-event.ts';
export {
  isProftpdAt,
  matchProftpdLogin,
  PROFTPD,
  readBareProftpdTag,
  type ProftpdLogin,
} from './match-proftpd-login.ts';
