// `%%2304`…`%%2315` in 4625's FailureReason, with the message texts Windows (msobjs.dll) and
// Winlogbeat's winlog.logon.failure.reason use.
const FAILURE_REASONS = new Map<string, string>([
  ['2304', 'An Error occured during Logon.'],
  ['2305', 'The specified user account has expired.'],
  ['2306', 'The NetLogon component is not active.'],
  ['2307', 'Account locked out.'],
  ['2308', 'The user has not been granted the requested logon type at this machine.'],
  ['2309', "The specified account's password has expired."],
  ['2310', 'Account currently disabled.'],
  ['2311', 'Account logon time restriction violation.'],
  ['2312', 'User not allowed to logon at this computer.'],
  ['2313', 'Unknown user name or bad password.'],
  ['2314', 'Domain sid inconsistent.'],
  ['2315', 'Smartcard logon is required and was not used.'],
]);

export function describeFailureReason(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return FAILURE_REASONS.get(value.startsWith('%%') ? value.slice(2).trim() : value.trim());
}
