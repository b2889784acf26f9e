// Logon type names as Winlogbeat's security module writes them to `winlog.logon.type`.
// https://learn.microsoft.com/windows/security/threat-protection/auditing/basic-audit-logon-events
const LOGON_TYPES = new Map<string, string>([
  ['2', 'Interactive'],
  ['3', 'Network'],
  ['4', 'Batch'],
  ['5', 'Service'],
  ['7', 'Unlock'],
  ['8', 'NetworkCleartext'],
  ['9', 'NewCredentials'],
  ['10', 'RemoteInteractive'],
  ['11', 'CachedInteractive'],
]);

export function nameLogonType(logonType: string | undefined): string | undefined {
  return logonType === undefined ? undefined : LOGON_TYPES.get(logonType.trim());
}
