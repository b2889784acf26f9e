// Winlogbeat documents as its winlog input and security module emit them (field names from the
// Winlogbeat docs: winlog.event_data.*, winlog.user_data.*, winlog.provider_name, event.code).
const T0 = Date.UTC(2024, 2, 4, 10, 0, 0);
export const iso = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

const SECURITY = 'Microsoft-Windows-Security-Auditing';

interface DocOptions {
  provider?: string;
  channel?: string;
  computer?: string;
  message?: string;
  userData?: Record<string, string>;
}

export function winlogbeatDoc(
  code: number,
  seconds: number,
  data: Record<string, string>,
  options: DocOptions = {},
): string {
  const provider = options.provider ?? SECURITY;
  const computer = options.computer ?? 'DC01.corp.example.com';
  return JSON.stringify({
    '@timestamp': iso(seconds),
    ...(options.message !== undefined && { message: options.message }),
    event: { code: String(code), provider, kind: 'event' },
    winlog: {
      channel: options.channel ?? 'Security',
      provider_name: provider,
      event_id: String(code),
      computer_name: computer,
      event_data: data,
      ...(options.userData !== undefined && { user_data: options.userData }),
    },
    host: { name: computer },
  });
}

export const kerberosPreauth = (seconds: number, user: string, ip: string, status = '0x18') =>
  winlogbeatDoc(4771, seconds, {
    TargetUserName: user,
    TargetSid: 'S-1-5-21-1-2-3-1104',
    ServiceName: 'krbtgt/CORP.EXAMPLE.COM',
    TicketOptions: '0x40810010',
    Status: status,
    PreAuthType: '2',
    IpAddress: `::ffff:${ip}`,
    IpPort: '50123',
  });

export const kerberosTgt = (seconds: number, user: string, ip: string, status = '0x6') =>
  winlogbeatDoc(4768, seconds, {
    TargetUserName: user,
    TargetDomainName: 'CORP.EXAMPLE.COM',
    ServiceName: 'krbtgt',
    TicketOptions: '0x40810010',
    Status: status,
    PreAuthType: '-',
    IpAddress: `::ffff:${ip}`,
    IpPort: '50124',
  });

export const ntlmValidation = (seconds: number, user: string, workstation: string, status = '0xc000006a') =>
  winlogbeatDoc(4776, seconds, {
    PackageName: 'MICROSOFT_AUTHENTICATION_PACKAGE_V1_0',
    TargetUserName: user,
    Workstation: workstation,
    Status: status,
  });

export const failedLogon = (
  seconds: number,
  user: string,
  ip: string,
  options: { logonType?: string; workstation?: string; subStatus?: string; computer?: string } = {},
) =>
  winlogbeatDoc(
    4625,
    seconds,
    {
      SubjectUserSid: 'S-1-0-0',
      SubjectUserName: '-',
      TargetUserName: user,
      TargetDomainName: 'CORP',
      Status: '0xc000006d',
      SubStatus: options.subStatus ?? '0xc000006a',
      FailureReason: '%%2313',
      LogonType: options.logonType ?? '3',
      LogonProcessName: 'NtLmSsp ',
      AuthenticationPackageName: 'NTLM',
      WorkstationName: options.workstation ?? 'KALI',
      ProcessId: '0x0',
      ProcessName: '-',
      IpAddress: ip,
      IpPort: ip === '-' ? '-' : '49822',
    },
    { computer: options.computer ?? 'FS01.corp.example.com' },
  );

export const explicitCredentials = (seconds: number, subject: string, target: string, ip: string) =>
  winlogbeatDoc(
    4648,
    seconds,
    {
      SubjectUserSid: 'S-1-5-21-1-2-3-1107',
      SubjectUserName: subject,
      SubjectDomainName: 'CORP',
      SubjectLogonId: '0x3e7a1',
      TargetUserName: target,
      TargetDomainName: 'CORP',
      TargetServerName: 'DC01.corp.example.com',
      TargetInfo: 'DC01.corp.example.com',
      ProcessId: '0x1a4c',
      ProcessName: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      IpAddress: ip,
      IpPort: ip === '-' ? '-' : '389',
    },
    { computer: 'WS-07.corp.example.com' },
  );

export const lockout = (seconds: number, user: string) =>
  winlogbeatDoc(4740, seconds, {
    TargetUserName: user,
    TargetDomainName: 'WS-07',
    TargetSid: 'S-1-5-21-1-2-3-1109',
    SubjectUserSid: 'S-1-5-18',
    SubjectUserName: 'DC01$',
    SubjectDomainName: 'CORP',
    SubjectLogonId: '0x3e7',
  });

export const mssqlFailedLogin = (
  seconds: number,
  user: string,
  client: string,
  provider = 'MSSQL$SQLEXPRESS',
) =>
  winlogbeatDoc(
    18456,
    seconds,
    {
      param1: user,
      param2: ' Reason: Password did not match that for the login provided.',
      param3: ` [CLIENT: ${client}]`,
    },
    {
      provider,
      channel: 'Application',
      computer: 'SQL01.corp.example.com',
      message: `Login failed for user '${user}'. Reason: Password did not match that for the login provided. [CLIENT: ${client}]`,
    },
  );

const RDP_CORE = 'Microsoft-Windows-RemoteDesktopServices-RdpCoreTS';
const RCM = 'Microsoft-Windows-TerminalServices-RemoteConnectionManager';

export const rdpConnectionAccepted = (seconds: number, ip: string) =>
  winlogbeatDoc(
    131,
    seconds,
    { ConnType: 'TCP', ClientIP: `${ip}:${50000 + seconds}` },
    { provider: RDP_CORE, channel: `${RDP_CORE}/Operational`, computer: 'RDS01.corp.example.com' },
  );

export const rdpNlaFailed = (seconds: number, ip: string) =>
  winlogbeatDoc(
    140,
    seconds,
    { IPString: ip },
    { provider: RDP_CORE, channel: `${RDP_CORE}/Operational`, computer: 'RDS01.corp.example.com' },
  );

export const rdpUserAuthenticated = (seconds: number, user: string, ip: string) =>
  winlogbeatDoc(
    1149,
    seconds,
    {},
    {
      provider: RCM,
      channel: `${RCM}/Operational`,
      computer: 'RDS01.corp.example.com',
      userData: { Param1: user, Param2: 'CORP', Param3: ip, xml_name: 'EventXML' },
    },
  );
