/**
 * One line of the Linux audit log (`/var/log/audit/audit.log`, as auditd writes it):
 *
 *     [node=NAME ]type=TYPE msg=audit(SECONDS.MILLIS:SERIAL): key=value key="text" ...
 *
 * User-space records (PAM, sshd, useradd...) put their own fields in one `msg='...'` field, which
 * is read as more of the record's fields. A value is `"quoted"` (written as is), or bare: a number,
 * a word, or the text's bytes in hexadecimal when the text holds a space, a quote, a control
 * character or a byte above 0x7e (auditd encodes those; see decodeAuditText); in `msg='...'` a bare
 * value runs on to the next key. Other words that are no `key=value` (`user pid=...`, an AVC's
 * `avc:  denied  { read } for`) are passed over. The ENRICHED format's interpreted fields, after a
 * 0x1d byte, are left out: they repeat the record's own in words.
 */
export interface AuditRecord {
  node: string | undefined;
  type: string;
  /** Epoch milliseconds. */
  time: number;
  serial: number;
  /** Each key's first value, in order; `quoted`: it was written in double quotes. */
  fields: Map<string, AuditValue>;
}

export interface AuditValue {
  text: string;
  quoted: boolean;
}

export const NOT_AUDIT = 'not-audit-record';
export const MALFORMED_AUDIT = 'malformed-audit-record';

/** Fields a record keeps at most; an EXECVE of more arguments keeps its first ones. */
export const MAX_FIELDS = 512;
const KEY = /^[A-Za-z0-9_-]{1,64}$/;
const HEADER =
  /^(?:node=(\S{1,255}) )?type=([A-Z0-9_]{1,40}) msg=audit\((\d{1,12})(?:\.(\d{1,3}))?:(\d{1,20})\):/;
/** The last time an audit record may carry (9999-12-31T23:59:59Z). */
const LATEST_SECONDS = 253_402_300_799;

/** The record on `line`, or why it is none. */
export function readAuditRecord(line: string): AuditRecord | string {
  const header = HEADER.exec(line);
  if (header === null) return NOT_AUDIT;
  const [whole, node, type, seconds, millis, serial] = header as unknown as [
    string,
    string | undefined,
    string,
    string,
    string | undefined,
    string,
  ];
  const secondsValue = Number(seconds);
  if (secondsValue > LATEST_SECONDS) return MALFORMED_AUDIT;
  const time = secondsValue * 1000 + (millis === undefined ? 0 : Number(millis.padEnd(3, '0')));
  const fields = new Map<string, AuditValue>();
  const enriched = line.indexOf('\x1d', whole.length);
  if (!readFields(line, whole.length, enriched < 0 ? line.length : enriched, fields, true))
    return MALFORMED_AUDIT;
  return { node, type, time, serial: Number(serial), fields };
}

/**
 * Reads `key=value` fields of `line` from `from` to `to` into `fields`; false when a quote is left
 * open. `outer`: a `msg='...'` field is read as fields of the record (once; nested ones are text).
 */
function readFields(
  line: string,
  from: number,
  to: number,
  fields: Map<string, AuditValue>,
  outer: boolean,
): boolean {
  let at = from;
  while (at < to) {
    while (at < to && line.charCodeAt(at) === 32) at++;
    if (at >= to) break;
    const wordEnd = endOfWord(line, at, to);
    const equals = equalsIn(line, at, wordEnd);
    if (equals < 0) {
      at = wordEnd;
      continue;
    }
    const key = line.slice(at, equals);
    const valueAt = equals + 1;
    const quote = line.charCodeAt(valueAt);
    let text: string;
    let quoted = false;
    if (quote === 39 /* ' */ && key === 'msg' && outer) {
      // A user-space record's own fields end the record, and auditd leaves a ' in a value as it is
      // (acct="o'neil"): its closing quote is the record's last.
      const close = line.lastIndexOf("'", to - 1);
      if (close <= valueAt) return false;
      if (!readFields(line, valueAt + 1, close, fields, false)) return false;
      at = close + 1;
      continue;
    }
    if (quote === 34 /* " */ || quote === 39 /* ' */) {
      const close = line.indexOf(quote === 34 ? '"' : "'", valueAt + 1);
      if (close < 0 || close >= to) return false;
      text = line.slice(valueAt + 1, close);
      at = close + 1;
      quoted = true;
    } else {
      let end = endOfWord(line, valueAt, to);
      // In a user-space record a bare value runs on to the next key: PAM and the shadow tools
      // write some unencoded (`op=adding group to /etc/group id=1004`), as Filebeat reads them.
      if (!outer) end = endOfBareValue(line, end, to);
      text = line.slice(valueAt, end);
      at = end;
    }
    if (!KEY.test(key) || fields.has(key) || fields.size >= MAX_FIELDS) continue;
    fields.set(key, { text, quoted });
  }
  return true;
}

/** The end of the last of the words from `end` on (up to `to`) that are no `key=value`. */
function endOfBareValue(line: string, end: number, to: number): number {
  let last = end;
  while (last < to) {
    let next = last;
    while (next < to && line.charCodeAt(next) === 32) next++;
    if (next >= to) return last;
    const wordEnd = endOfWord(line, next, to);
    if (equalsIn(line, next, wordEnd) >= 0) return last;
    last = wordEnd;
  }
  return last;
}

/** Where the first `=` of line[from, to) is; -1 when there is none. */
function equalsIn(line: string, from: number, to: number): number {
  for (let at = from; at < to; at++) if (line.charCodeAt(at) === 61 /* = */) return at;
  return -1;
}

function endOfWord(line: string, from: number, to: number): number {
  const space = line.indexOf(' ', from);
  return space < 0 || space > to ? to : space;
}
