import type { ForgedAddresses } from '../forged-address-event.ts';
import type { WafMatch } from './read-modsecurity.ts';

/** What a web server's error log line says of a failed HTTP authentication. */
export interface HttpAuthFailure {
  server: 'apache' | 'nginx' | 'lighttpd';
  /** Epoch ms (the line's local time, read as UTC: neither server writes a zone by default). */
  time: number;
  ip: string;
  port: number | undefined;
  /** The user the client named (none when it sent an empty one). */
  user: string | undefined;
  /** The path asked for, when the line names it. */
  path: string | undefined;
  /** The file on the server's disk the request came to, when the line names that instead of the path. */
  file?: string;
  /** The server's words: `Password Mismatch`, `user not found`, ... */
  reason: string;
  /**
   * Not a failed login:
   * - `missing`: the file the request asked for does not exist, as a wordlist scan makes the error
   *   log say again and again;
   * - `denied`: the server refused the request without a password being tried (an access rule, an
   *   authenticated user without the right, a wrong scheme, a forged digest answer);
   * - `malformed`: a request the server could not read (an invalid URI or method, a URI too long,
   *   bytes of another protocol);
   * - `limited`: a request refused for coming too fast (nginx's limit_req and limit_conn);
   * - `exploit`: an exploit's payload that reached the server's programs (Shellshock's function
   *   definitions, which bash refuses and reports through a CGI script's error output).
   */
  kind?: 'missing' | 'denied' | 'malformed' | 'limited' | 'exploit';
  /** Not a login: ModSecurity's verdict on the request (user, path and reason left empty). */
  waf?: WafMatch;
}

/** A line of the format that is not an authentication failure. */
export const WEB_ERROR_UNUSED = 'web-error-line-unused';
/** Not a line of either server's error log. */
export const NOT_WEB_ERROR_LOG = 'not-web-error-log';
/** An nginx login line naming its client more than once: the client's words forged the others. */
export interface ForgedHttpAuth extends ForgedAddresses {
  server: 'nginx';
  time: number;
}
