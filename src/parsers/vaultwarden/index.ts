import type { SecurityEvent } from '../../core/index.ts';
import type { ParserDefinition } from '../parser.ts';
import { buildAppLoginEvent } from '../login-failure-event.ts';
import { createRecordParser } from '../record-parser.ts';
import { shareOfLines } from '../share-of-lines.ts';
import type { VaultLoginFailure } from './match-vault-login.ts';
import { NOT_VAULT_LOG, readVaultLine } from './read-vault-line.ts';

export { matchBitwardenMessage, matchVaultwardenMessage } from './match-vault-login.ts';
export { NOT_VAULT_LOG, readVaultSyslogMessage, VAULT_LINE_UNUSED, vaultAppAt } from './read-vault-line.ts';

export const vaultwardenParser: ParserDefinition = {
  format: 'vaultwarden',
  description: "Vaultwarden's and Bitwarden's logs: refused logins",
  sniff: (sample) => shareOfLines(sample, (line) => readVaultLine(line) !== NOT_VAULT_LOG),
  create: (options) =>
    createRecordParser(readVaultLine, (line, found) => mapVaultLogin(line, found, found.time), options),
};

/** A refused login to a password vault as an application's login event (see buildAppLoginEvent). */
export function mapVaultLogin(
  line: string,
  found: VaultLoginFailure,
  time: number,
  host?: string,
): SecurityEvent {
  return buildAppLoginEvent(
    line,
    { ...found, outcome: 'failure', dataset: `${found.app}.identity` },
    time,
    host,
  );
}
