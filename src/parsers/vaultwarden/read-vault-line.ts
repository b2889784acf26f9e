import type { RecordTime } from '../record-parser.ts';
import { utcMillis } from '../utc-millis.ts';
import {
  matchBitwardenMessage,
  matchVaultwardenMessage,
  type VaultLoginFailure,
} from './match-vault-login.ts';

/** Not a line of Vaultwarden's or Bitwarden's log. */
export const NOT_VAULT_LOG = 'not-vault-log';
/** A line of their logs that reports no refused login. */
export const VAULT_LINE_UNUSED = 'vault-line-unused';

/**
 * Vaultwarden's head: `[2024-03-04 10:00:01.123]` and its bracketed level and target, in the order
 * of its version (`[vaultwarden::api::identity][ERROR]` or `[warning][vaultwarden::api::identity]`).
 */
const VAULTWARDEN_HEAD =
  /^\[(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([+-])(\d{2}):?(\d{2})|(Z))?\](?:\[[^\]\s]{1,64}\]){1,3} ?/;
/** Bitwarden's (Serilog's): `2024-03-04 10:00:01.123 +01:00 [WRN] `. */
const BITWARDEN_HEAD =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))? ([+-])(\d{2}):?(\d{2}) \[(?:WRN|Warning|ERR|Error|INF|Information)\] /;

/** A line of either server's log: its refused login and time, or why it has none. */
export function readVaultLine(line: string): (VaultLoginFailure & RecordTime) | string {
  const vaultwarden = VAULTWARDEN_HEAD.exec(line);
  const head = vaultwarden ?? BITWARDEN_HEAD.exec(line);
  if (head === null) return NOT_VAULT_LOG;
  const n = (index: number) => Number(head[index]);
  const ms = Number((head[7] ?? '0').slice(0, 3).padEnd(3, '0'));
  let time = utcMillis(n(1), n(2), n(3), n(4), n(5), n(6), ms);
  if (Number.isNaN(time)) return NOT_VAULT_LOG;
  // Bitwarden always writes its offset; Vaultwarden with a LOG_TIMESTAMP_FORMAT holding %z or %:z.
  const zoned = head[8] !== undefined || head[11] !== undefined;
  if (head[8] !== undefined) {
    const offset = (n(9) * 60 + n(10)) * 60_000;
    time += head[8] === '+' ? -offset : offset;
  }
  const message = line.slice(head[0].length);
  const found = vaultwarden === null ? matchBitwardenMessage(message) : matchVaultwardenMessage(message);
  return found === undefined ? VAULT_LINE_UNUSED : { ...found, time, zoned };
}

/** Bracketed targets and levels before a message in syslog (`[vaultwarden::api::identity][ERROR] `). */
const SYSLOG_BRACKETS = /^(?:\[[^\]\s]{1,128}\]){1,3} ?/;

/** The refused login of a syslog message of Vaultwarden (`vaultwarden`) or Bitwarden (`Bitwarden-Identity`). */
export function readVaultSyslogMessage(
  app: 'vaultwarden' | 'bitwarden',
  message: string,
): VaultLoginFailure | undefined {
  const brackets = SYSLOG_BRACKETS.exec(message);
  const text = brackets === null ? message : message.slice(brackets[0].length);
  return app === 'vaultwarden' ? matchVaultwardenMessage(text) : matchBitwardenMessage(text);
}

/** The server a syslog program name (from `start` to `end` of `text`) stands for, if any. */
export function vaultAppAt(
  text: string,
  start: number,
  end: number,
): 'vaultwarden' | 'bitwarden' | undefined {
  const length = end - start;
  if (length === 11 && text.startsWith('vaultwarden', start)) return 'vaultwarden';
  if (length === 18 && text.startsWith('Bitwarden-Identity', start)) return 'bitwarden';
  return undefined;
}
