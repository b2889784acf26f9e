import type { AuditValue } from './read-audit-record.ts';

/**
 * Fields auditd writes as text, encoded in hexadecimal when the text holds a space, a quote, a
 * control character or a byte above 0x7e (the kernel's audit_log_untrustedstring, libaudit's
 * audit_value_needs_encoding). Other bare values (ids, numbers, a SYSCALL record's `a0`) are
 * hexadecimal numbers or words and stay as written.
 */
const TEXT_FIELDS = new Set([
  'acct',
  'cmd',
  'comm',
  'cwd',
  'data',
  'dir',
  'exe',
  'file',
  'grp',
  'key',
  'name',
  'new_group',
  'ocomm',
  'path',
  'proctitle',
  'root_dir',
  'sw',
  'watch',
]);

const HEX = /^(?:[0-9A-Fa-f]{2})+$/;
const UTF8 = new TextDecoder('utf-8');
/**
 * What separates the words of a hex-encoded value: arguments in `proctitle` (NUL), the keys of a
 * rule with several (0x01).
 */
// eslint-disable-next-line no-control-regex -- these control characters are the separators
const SEPARATORS = /[\x00\x01]+/g;

/** Whether `key`'s value is text, in a record of `type`: EXECVE's arguments `a0`, `a1`... are. */
export function isTextField(type: string, key: string): boolean {
  return TEXT_FIELDS.has(key) || (type === 'EXECVE' && key.charCodeAt(0) === 97 && /^a\d+$/.test(key));
}

/**
 * A field's text: a quoted value as written; a bare value of a text field decoded when it is
 * hexadecimal (invalid UTF-8 replaced, NUL and 0x01 separators as spaces, trailing ones dropped);
 * any other value as written.
 */
export function decodeAuditText(value: AuditValue, text: boolean): string {
  if (value.quoted || !text || !HEX.test(value.text)) return value.text;
  return UTF8.decode(Buffer.from(value.text, 'hex')).replace(SEPARATORS, ' ').trimEnd();
}
