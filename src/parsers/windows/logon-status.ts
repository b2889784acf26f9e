// NTSTATUS codes of failed logons (4625 Status/SubStatus, 4776 Status).
// `winlogbeat`: the text Winlogbeat's security module writes to winlog.logon.failure.status and
// .sub_status, kept identical so a rule matches both our output and a Winlogbeat index.
// `reason`: a short readable phrase for event.reason and for people reading an alert.
// https://learn.microsoft.com/windows/security/threat-protection/auditing/event-4625
interface LogonStatus {
  winlogbeat: string;
  reason: string;
}

const LOGON_STATUSES = new Map<string, LogonStatus>([
  [
    '0xc000005e',
    {
      winlogbeat: 'There are currently no logon servers available to service the logon request.',
      reason: 'no logon server available',
    },
  ],
  [
    '0xc0000064',
    { winlogbeat: 'User logon with misspelled or bad user account', reason: 'unknown user name' },
  ],
  ['0xc000006a', { winlogbeat: 'User logon with misspelled or bad password', reason: 'wrong password' }],
  [
    '0xc000006d',
    {
      winlogbeat: 'This is either due to a bad username or authentication information',
      reason: 'unknown user name or wrong password',
    },
  ],
  [
    '0xc000006e',
    { winlogbeat: 'Unknown user name or bad password.', reason: 'account restriction prevented the logon' },
  ],
  [
    '0xc000006f',
    { winlogbeat: 'User logon outside authorized hours', reason: 'logon outside the allowed hours' },
  ],
  [
    '0xc0000070',
    {
      winlogbeat: 'User logon from unauthorized workstation',
      reason: 'logon from a workstation that is not allowed',
    },
  ],
  ['0xc0000071', { winlogbeat: 'User logon with expired password', reason: 'password expired' }],
  [
    '0xc0000072',
    { winlogbeat: 'User logon to account disabled by administrator', reason: 'account disabled' },
  ],
  [
    '0xc00000dc',
    {
      winlogbeat: 'Indicates the Sam Server was in the wrong state to perform the desired operation.',
      reason: 'account database (SAM) in the wrong state',
    },
  ],
  [
    '0xc0000133',
    {
      winlogbeat: 'Clocks between DC and other computer too far out of sync',
      reason: 'clock skew between domain controller and client',
    },
  ],
  [
    '0xc000015b',
    {
      winlogbeat: 'The user has not been granted the requested logon type (aka logon right) at this machine',
      reason: 'logon type not granted to the account on this machine',
    },
  ],
  [
    '0xc000018c',
    {
      winlogbeat:
        'The logon request failed because the trust relationship between the primary domain and the trusted domain failed.',
      reason: 'domain trust relationship failed',
    },
  ],
  [
    '0xc0000192',
    {
      winlogbeat: 'An attempt was made to logon, but the Netlogon service was not started.',
      reason: 'Netlogon service not started',
    },
  ],
  ['0xc0000193', { winlogbeat: 'User logon with expired account', reason: 'account expired' }],
  [
    '0xc0000224',
    {
      winlogbeat: 'User is required to change password at next logon',
      reason: 'password must be changed at next logon',
    },
  ],
  [
    '0xc0000225',
    {
      winlogbeat: 'Evidently a bug in Windows and not a risk',
      reason: 'Windows internal error (not a risk)',
    },
  ],
  ['0xc0000234', { winlogbeat: 'User logon with account locked', reason: 'account locked out' }],
  [
    '0xc00002ee',
    { winlogbeat: 'Failure Reason: An Error occurred during Logon', reason: 'error during logon' },
  ],
  [
    '0xc0000413',
    {
      winlogbeat:
        'Logon Failure: The machine you are logging onto is protected by an authentication firewall. The specified account is not allowed to authenticate to the machine.',
      reason: 'blocked by the authentication firewall',
    },
  ],
  [
    '0xc0000371',
    {
      winlogbeat: 'The local account store does not contain secret material for the specified account',
      reason: 'no secret for the account in the local account store',
    },
  ],
]);

/** The Winlogbeat description of a canonical status code (see canonicalStatus), if known. */
export function describeLogonStatus(status: string | undefined): string | undefined {
  return status === undefined ? undefined : LOGON_STATUSES.get(status)?.winlogbeat;
}

/** A readable reason for a failed logon, from the most specific code that is set. */
export function explainLogonFailure(
  status: string | undefined,
  subStatus: string | undefined,
): string | undefined {
  const code = subStatus !== undefined && subStatus !== '0x0' ? subStatus : status;
  if (code === undefined || code === '0x0') return undefined;
  return LOGON_STATUSES.get(code)?.reason ?? `failed with status ${code}`;
}
