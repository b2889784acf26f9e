/**
 * The ATT&CK techniques the shipped rules and common custom rules refer to, with their names,
 * so messages can say "T1110.003 Password Spraying" instead of a bare id.
 * Ids outside this catalogue are kept as they are.
 */
const TECHNIQUES: Record<string, string> = {
  T1078: 'Valid Accounts',
  'T1078.002': 'Valid Accounts: Domain Accounts',
  'T1078.003': 'Valid Accounts: Local Accounts',
  T1110: 'Brute Force',
  'T1110.001': 'Brute Force: Password Guessing',
  'T1110.002': 'Brute Force: Password Cracking',
  'T1110.003': 'Brute Force: Password Spraying',
  'T1110.004': 'Brute Force: Credential Stuffing',
  T1021: 'Remote Services',
  'T1021.001': 'Remote Services: Remote Desktop Protocol',
  'T1021.004': 'Remote Services: SSH',
  T1087: 'Account Discovery',
  'T1087.002': 'Account Discovery: Domain Account',
  T1190: 'Exploit Public-Facing Application',
  T1133: 'External Remote Services',
  T1185: 'Browser Session Hijacking',
  T1531: 'Account Access Removal',
  T1558: 'Steal or Forge Kerberos Tickets',
  'T1558.004': 'Steal or Forge Kerberos Tickets: AS-REP Roasting',
  T1562: 'Impair Defenses',
  'T1562.001': 'Impair Defenses: Disable or Modify Tools',
  'T1562.002': 'Impair Defenses: Disable Windows Event Logging',
  T1595: 'Active Scanning',
  'T1595.002': 'Active Scanning: Vulnerability Scanning',
  T1083: 'File and Directory Discovery',
};

export interface AttackTechnique {
  id: string;
  name: string | undefined;
  url: string;
}

export function describeTechnique(id: string): AttackTechnique {
  const [base, sub] = id.split('.');
  const url = `https://attack.mitre.org/techniques/${base}/${sub ? `${sub}/` : ''}`;
  return { id, name: Object.hasOwn(TECHNIQUES, id) ? TECHNIQUES[id] : undefined, url };
}
