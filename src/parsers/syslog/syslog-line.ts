/** The parts of one syslog line (RFC 3164, RFC 3164 with an ISO timestamp, or RFC 5424). */
export interface SyslogLine {
  /** Epoch milliseconds, UTC. NaN when an RFC 5424 line carries the nil timestamp `-`. */
  timestamp: number;
  /** `<PRI>` (facility × 8 + severity) when the line starts with one. */
  priority: number | undefined;
  hostname: string | undefined;
  /** The program (RFC 3164 tag, RFC 5424 APP-NAME); undefined for a tag-less line or nil. */
  program: string | undefined;
  pid: number | undefined;
  /** RFC 5424 MSGID. */
  msgId: string | undefined;
  /** RFC 5424 STRUCTURED-DATA as written (`[id k="v"]...`); see parseStructuredData. */
  structuredData: string | undefined;
  /** The message after the header, leading spaces removed. */
  message: string;
}
