/** The Windows Security events the generators produce (one Winlogbeat document each). */
export type WindowsEventCode = '4624' | '4625' | '4771' | '4776';

export interface WindowsAuthEvent {
  code: WindowsEventCode;
  /** Epoch milliseconds. */
  at: number;
  /** The computer that logged the event, as Windows names it: `DC01.corp.example.com`. */
  computer: string;
  /** Per-computer, rising `EventRecordID`. */
  recordId: number;
  /** TargetUserName. */
  user: string;
  /** TargetDomainName: the NetBIOS domain, or the computer name for local accounts. */
  domain: string;
  domainNetbios: string;
  domainDns: string;
  /** IpAddress; absent renders `-` (local and NTLM-validation events carry none). */
  ip?: string;
  port?: number;
  /** WorkstationName (4624/4625) or Workstation (4776). */
  workstation?: string;
  /** 4624/4625: 2 interactive, 3 network, 10 RDP. */
  logonType?: number;
  authPackage?: 'NTLM' | 'Kerberos';
  /** 4625 Status (default 0xc000006d), 4771 Status (default 0x18), 4776 Status (default 0x0). */
  status?: string;
  /** 4625 SubStatus (default 0xc000006a, bad password; 0xc0000064 is an unknown account). */
  subStatus?: string;
}

/** Whether Windows counts the event as a failed authentication. */
export function isWindowsFailure(e: WindowsAuthEvent): boolean {
  if (e.code === '4625' || e.code === '4771') return true;
  if (e.code === '4776') return (e.status ?? '0x0') !== '0x0';
  return false;
}
