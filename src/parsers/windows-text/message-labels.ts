/**
 * Where the rendered message of a Windows event shows each EventData field: the label, and for
 * labels that several sections repeat (`Security ID`, `Account Name`...) the section heading. Read
 * from the events' message templates (the Security auditing provider's manifest, as Event Viewer and
 * Splunk's classic WinEventLog render it) for the events the rule pack and Sigma rules read.
 */
export interface MessageLabels {
  /** Section heading (without its colon) → label → EventData name. */
  sections: Record<string, Record<string, string>>;
  /** Labels that mean one field wherever they are. */
  labels: Record<string, string>;
}

const SUBJECT = {
  'Security ID': 'SubjectUserSid',
  'Account Name': 'SubjectUserName',
  'Account Domain': 'SubjectDomainName',
  'Logon ID': 'SubjectLogonId',
};
const TARGET = {
  'Security ID': 'TargetUserSid',
  'Account Name': 'TargetUserName',
  'Account Domain': 'TargetDomainName',
  'Logon ID': 'TargetLogonId',
};
const TARGET_ACCOUNT = {
  'Security ID': 'TargetSid',
  'Account Name': 'TargetUserName',
  'Account Domain': 'TargetDomainName',
};
const NETWORK = {
  'Workstation Name': 'WorkstationName',
  'Source Network Address': 'IpAddress',
  'Source Port': 'IpPort',
  'Network Address': 'IpAddress',
  Port: 'IpPort',
  'Client Address': 'IpAddress',
  'Client Port': 'IpPort',
};
const AUTHENTICATION = {
  'Logon Process': 'LogonProcessName',
  'Authentication Package': 'AuthenticationPackageName',
  'Transited Services': 'TransmittedServices',
  'Package Name (NTLM only)': 'LmPackageName',
  'Key Length': 'KeyLength',
  'Logon GUID': 'LogonGuid',
};

const LOGON: MessageLabels = {
  sections: { Subject: SUBJECT, 'New Logon': TARGET, 'Account For Which Logon Failed': TARGET },
  labels: {
    ...NETWORK,
    ...AUTHENTICATION,
    'Logon Type': 'LogonType',
    'Restricted Admin Mode': 'RestrictedAdminMode',
    'Virtual Account': 'VirtualAccount',
    'Elevated Token': 'ElevatedToken',
    'Impersonation Level': 'ImpersonationLevel',
    'Linked Logon ID': 'TargetLinkedLogonId',
    'Network Account Name': 'TargetOutboundUserName',
    'Network Account Domain': 'TargetOutboundDomainName',
    'Failure Reason': 'FailureReason',
    Status: 'Status',
    'Sub Status': 'SubStatus',
    'Process ID': 'ProcessId',
    'Process Name': 'ProcessName',
    'Caller Process ID': 'ProcessId',
    'Caller Process Name': 'ProcessName',
  },
};

const ACCOUNT_CHANGE: MessageLabels = {
  sections: {
    Subject: SUBJECT,
    'New Account': TARGET_ACCOUNT,
    'Target Account': TARGET_ACCOUNT,
    'Account That Was Locked Out': TARGET_ACCOUNT,
    Member: { 'Security ID': 'MemberSid', 'Account Name': 'MemberName' },
    Group: { 'Security ID': 'TargetSid', 'Group Name': 'TargetUserName', 'Group Domain': 'TargetDomainName' },
  },
  labels: { 'Caller Computer Name': 'TargetDomainName', 'SAM Account Name': 'SamAccountName' },
};

const KERBEROS: MessageLabels = {
  sections: {
    'Account Information': {
      'Account Name': 'TargetUserName',
      'Supplied Realm Name': 'TargetDomainName',
      'Account Domain': 'TargetDomainName',
      'User ID': 'TargetSid',
      'Security ID': 'TargetSid',
    },
  },
  labels: {
    ...NETWORK,
    'Service Name': 'ServiceName',
    'Service ID': 'ServiceSid',
    'Ticket Options': 'TicketOptions',
    'Result Code': 'Status',
    'Failure Code': 'Status',
    'Ticket Encryption Type': 'TicketEncryptionType',
    'Pre-Authentication Type': 'PreAuthType',
  },
};

export const MESSAGE_LABELS: ReadonlyMap<string, MessageLabels> = new Map<string, MessageLabels>([
  ['4624', LOGON],
  ['4625', LOGON],
  ['4634', LOGON],
  ['4647', LOGON],
  ['4672', { sections: { Subject: SUBJECT }, labels: { Privileges: 'PrivilegeList' } }],
  [
    '4648',
    {
      sections: {
        Subject: SUBJECT,
        'Account Whose Credentials Were Used': {
          'Account Name': 'TargetUserName',
          'Account Domain': 'TargetDomainName',
          'Logon GUID': 'TargetLogonGuid',
        },
      },
      labels: {
        ...NETWORK,
        'Target Server Name': 'TargetServerName',
        'Additional Information': 'TargetInfo',
        'Process ID': 'ProcessId',
        'Process Name': 'ProcessName',
      },
    },
  ],
  [
    '4688',
    {
      sections: { Subject: SUBJECT, 'Creator Subject': SUBJECT, 'Target Subject': TARGET },
      labels: {
        'New Process ID': 'NewProcessId',
        'New Process Name': 'NewProcessName',
        'Token Elevation Type': 'TokenElevationType',
        'Mandatory Label': 'MandatoryLabel',
        'Creator Process ID': 'ProcessId',
        'Creator Process Name': 'ParentProcessName',
        'Process Command Line': 'CommandLine',
      },
    },
  ],
  ['4720', ACCOUNT_CHANGE],
  ['4722', ACCOUNT_CHANGE],
  ['4725', ACCOUNT_CHANGE],
  ['4726', ACCOUNT_CHANGE],
  ['4728', ACCOUNT_CHANGE],
  ['4732', ACCOUNT_CHANGE],
  ['4740', ACCOUNT_CHANGE],
  ['4756', ACCOUNT_CHANGE],
  ['4768', KERBEROS],
  ['4769', KERBEROS],
  ['4771', KERBEROS],
  [
    '4776',
    {
      sections: {},
      labels: {
        'Authentication Package': 'PackageName',
        'Logon Account': 'TargetUserName',
        'Source Workstation': 'Workstation',
        'Error Code': 'Status',
      },
    },
  ],
  [
    '1102',
    {
      sections: {
        Subject: { ...SUBJECT, 'Domain Name': 'SubjectDomainName' },
      },
      labels: {},
    },
  ],
  [
    '7045',
    {
      sections: {},
      labels: {
        'Service Name': 'ServiceName',
        'Service File Name': 'ImagePath',
        'Service Type': 'ServiceType',
        'Service Start Type': 'StartType',
        'Service Account': 'AccountName',
      },
    },
  ],
]);
