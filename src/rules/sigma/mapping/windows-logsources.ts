import type { LogsourceEntry, SourceVariant } from './source-variant.ts';

/**
 * Windows log sources of the Sigma taxonomy appendix (specification v2.1): categories are Sysmon
 * event ids (process creation also Security 4688), PowerShell events, and services are channels.
 * Fields sit in `winlog.event_data` (Winlogbeat and Klaxon's .evtx reader alike) or `winlog.user_data`.
 */
const EVENT_DATA = ['winlog.event_data.', 'winlog.user_data.'];
const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';

const SYSMON_CATEGORIES: Readonly<Record<string, readonly number[]>> = {
  process_creation: [1],
  file_change: [2],
  network_connection: [3],
  sysmon_status: [4, 16],
  process_termination: [5],
  driver_load: [6],
  image_load: [7],
  create_remote_thread: [8],
  raw_access_thread: [9],
  process_access: [10],
  file_event: [11],
  registry_event: [12, 13, 14],
  registry_add: [12],
  registry_delete: [12],
  registry_set: [13],
  registry_rename: [14],
  create_stream_hash: [15],
  pipe_created: [17, 18],
  wmi_event: [19, 20, 21],
  dns_query: [22],
  file_delete: [23],
  clipboard_capture: [24],
  process_tampering: [25],
  file_delete_detected: [26],
  file_block_executable: [27],
  file_block_shredding: [28],
  file_executable_detected: [29],
  sysmon_error: [255],
};

const POWERSHELL = ['Microsoft-Windows-PowerShell/Operational', 'PowerShellCore/Operational'];
const POWERSHELL_CLASSIC = ['Windows PowerShell'];

/** Categories that are not Sysmon's: channel (or provider) and event ids. */
const OTHER_CATEGORIES: Readonly<
  Record<string, { channels?: string[]; providers?: string[]; codes?: number[] }>
> = {
  ps_module: { channels: POWERSHELL, codes: [4103] },
  ps_script: { channels: POWERSHELL, codes: [4104] },
  ps_classic_start: { channels: POWERSHELL_CLASSIC, codes: [400] },
  ps_classic_provider_start: { channels: POWERSHELL_CLASSIC, codes: [600] },
  ps_classic_script: { channels: POWERSHELL_CLASSIC, codes: [800] },
  file_access: { providers: ['Microsoft-Windows-Kernel-File'] },
  file_rename: { providers: ['Microsoft-Windows-Kernel-File'] },
};

/** Security 4688 writes process creation under its own names (pySigma's windows-audit mapping, plus pids). */
const SECURITY_PROCESS_CREATION: SourceVariant = {
  label: 'Security event 4688',
  from: [
    ['winlog.channel', ['Security']],
    ['event.provider', ['Microsoft-Windows-Security-Auditing']],
  ],
  eventCodes: ['4688'],
  renames: {
    Image: 'NewProcessName',
    ParentImage: 'ParentProcessName',
    ProcessId: 'NewProcessId',
    ParentProcessId: 'ProcessId',
    LogonId: 'SubjectLogonId',
    User: 'SubjectUserName',
  },
  fieldPrefixes: EVENT_DATA,
};

/** Windows services (taxonomy appendix): the channel(s) each one names. */
export const WINDOWS_SERVICE_CHANNELS: Readonly<Record<string, readonly string[]>> = {
  application: ['Application'],
  'application-experience': [
    'Microsoft-Windows-Application-Experience/Program-Telemetry',
    'Microsoft-Windows-Application-Experience/Program-Compatibility-Assistant',
  ],
  applocker: [
    'Microsoft-Windows-AppLocker/MSI and Script',
    'Microsoft-Windows-AppLocker/EXE and DLL',
    'Microsoft-Windows-AppLocker/Packaged app-Deployment',
    'Microsoft-Windows-AppLocker/Packaged app-Execution',
  ],
  'appmodel-runtime': ['Microsoft-Windows-AppModel-Runtime/Admin'],
  'appxdeployment-server': ['Microsoft-Windows-AppXDeploymentServer/Operational'],
  'appxpackaging-om': ['Microsoft-Windows-AppxPackaging/Operational'],
  bitlocker: ['Microsoft-Windows-BitLocker/BitLocker Management'],
  'bits-client': ['Microsoft-Windows-Bits-Client/Operational'],
  capi2: ['Microsoft-Windows-CAPI2/Operational'],
  'certificateservicesclient-lifecycle-system': [
    'Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational',
  ],
  'codeintegrity-operational': ['Microsoft-Windows-CodeIntegrity/Operational'],
  dhcp: ['Microsoft-Windows-DHCP-Server/Operational'],
  'diagnosis-scripted': ['Microsoft-Windows-Diagnosis-Scripted/Operational'],
  'dns-client': ['Microsoft-Windows-DNS Client Events/Operational'],
  'dns-server': ['DNS Server'],
  'dns-server-analytic': ['Microsoft-Windows-DNS-Server/Analytical'],
  'dns-server-audit': ['Microsoft-Windows-DNS-Server/Audit'],
  'driver-framework': ['Microsoft-Windows-DriverFrameworks-UserMode/Operational'],
  'firewall-as': ['Microsoft-Windows-Windows Firewall With Advanced Security/Firewall'],
  'hyper-v-worker': ['Microsoft-Windows-Hyper-V-Worker'],
  'iis-configuration': ['Microsoft-IIS-Configuration/Operational'],
  'kernel-event-tracing': ['Microsoft-Windows-Kernel-EventTracing'],
  'kernel-shimengine': [
    'Microsoft-Windows-Kernel-ShimEngine/Operational',
    'Microsoft-Windows-Kernel-ShimEngine/Diagnostic',
  ],
  ldap: ['Microsoft-Windows-LDAP-Client/Debug'],
  'lsa-server': ['Microsoft-Windows-LSA/Operational'],
  'msexchange-management': ['MSExchange Management'],
  ntfs: ['Microsoft-Windows-Ntfs/Operational'],
  ntlm: ['Microsoft-Windows-NTLM/Operational'],
  openssh: ['OpenSSH/Operational'],
  powershell: ['Microsoft-Windows-PowerShell/Operational'],
  'powershell-classic': ['Windows PowerShell'],
  'printservice-admin': ['Microsoft-Windows-PrintService/Admin'],
  'printservice-operational': ['Microsoft-Windows-PrintService/Operational'],
  security: ['Security'],
  'security-mitigations': [
    'Microsoft-Windows-Security-Mitigations/Kernel Mode',
    'Microsoft-Windows-Security-Mitigations/User Mode',
  ],
  sense: ['Microsoft-Windows-SENSE/Operational'],
  'servicebus-client': ['Microsoft-ServiceBus-Client/Operational', 'Microsoft-ServiceBus-Client/Admin'],
  'shell-core': ['Microsoft-Windows-Shell-Core/Operational'],
  'smbclient-security': ['Microsoft-Windows-SmbClient/Security'],
  sysmon: [SYSMON_CHANNEL],
  system: ['System'],
  taskscheduler: ['Microsoft-Windows-TaskScheduler/Operational'],
  'terminalservices-localsessionmanager': [
    'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational',
  ],
  vhdmp: ['Microsoft-Windows-VHDMP/Operational'],
  windefend: ['Microsoft-Windows-Windows Defender/Operational'],
  wmi: ['Microsoft-Windows-WMI-Activity/Operational'],
};

/** Providers that also identify a service's events when the channel is not in the document. */
const SERVICE_PROVIDERS: Readonly<Record<string, readonly string[]>> = {
  security: ['Microsoft-Windows-Security-Auditing'],
  sysmon: ['Microsoft-Windows-Sysmon'],
};

const codes = (numbers: readonly number[]) => numbers.map(String);

function sysmonVariant(category: string, numbers: readonly number[]): SourceVariant {
  return {
    label: `Sysmon event ${numbers.join('/')} (${category})`,
    from: [
      ['winlog.channel', [SYSMON_CHANNEL]],
      ['event.provider', ['Microsoft-Windows-Sysmon']],
    ],
    eventCodes: codes(numbers),
    fieldPrefixes: EVENT_DATA,
  };
}

function otherVariant(category: string, spec: (typeof OTHER_CATEGORIES)[string]): SourceVariant {
  const from: [string, string[]][] = [];
  if (spec.channels) from.push(['winlog.channel', spec.channels]);
  if (spec.providers) from.push(['event.provider', spec.providers]);
  return {
    label: category,
    from,
    ...(spec.codes && { eventCodes: codes(spec.codes) }),
    fieldPrefixes: EVENT_DATA,
  };
}

function serviceVariant(service: string, channels: readonly string[]): SourceVariant {
  const from: [string, readonly string[]][] = [['winlog.channel', channels]];
  const providers = SERVICE_PROVIDERS[service];
  if (providers) from.push(['event.provider', providers]);
  return { label: `${service} channel`, from, fieldPrefixes: EVENT_DATA };
}

export const WINDOWS_LOGSOURCES: readonly LogsourceEntry[] = [
  {
    product: 'windows',
    variants: [{ label: 'any Windows event', from: [['winlog.channel', []]], fieldPrefixes: EVENT_DATA }],
  },
  ...Object.entries(SYSMON_CATEGORIES).map(([category, numbers]) => ({
    product: 'windows',
    category,
    variants:
      category === 'process_creation'
        ? [sysmonVariant(category, numbers), SECURITY_PROCESS_CREATION]
        : [sysmonVariant(category, numbers)],
  })),
  ...Object.entries(OTHER_CATEGORIES).map(([category, spec]) => ({
    product: 'windows',
    category,
    variants: [otherVariant(category, spec)],
  })),
  ...Object.entries(WINDOWS_SERVICE_CHANNELS).map(([service, channels]) => ({
    product: 'windows',
    service,
    variants: [serviceVariant(service, channels)],
  })),
];
