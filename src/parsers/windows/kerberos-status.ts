// Kerberos result codes (RFC 4120) in 4768/4769/4771 Status, by canonical code (see canonicalStatus).
// `name` is what Winlogbeat writes to winlog.event_data.StatusDescription.
// https://learn.microsoft.com/windows/security/threat-protection/auditing/event-4771
const KERBEROS_NAMES = new Map<string, string>(
  (
    [
      [0x0, 'KDC_ERR_NONE'],
      [0x1, 'KDC_ERR_NAME_EXP'],
      [0x2, 'KDC_ERR_SERVICE_EXP'],
      [0x3, 'KDC_ERR_BAD_PVNO'],
      [0x4, 'KDC_ERR_C_OLD_MAST_KVNO'],
      [0x5, 'KDC_ERR_S_OLD_MAST_KVNO'],
      [0x6, 'KDC_ERR_C_PRINCIPAL_UNKNOWN'],
      [0x7, 'KDC_ERR_S_PRINCIPAL_UNKNOWN'],
      [0x8, 'KDC_ERR_PRINCIPAL_NOT_UNIQUE'],
      [0x9, 'KDC_ERR_NULL_KEY'],
      [0xa, 'KDC_ERR_CANNOT_POSTDATE'],
      [0xb, 'KDC_ERR_NEVER_VALID'],
      [0xc, 'KDC_ERR_POLICY'],
      [0xd, 'KDC_ERR_BADOPTION'],
      [0xe, 'KDC_ERR_ETYPE_NOTSUPP'],
      [0xf, 'KDC_ERR_SUMTYPE_NOSUPP'],
      [0x10, 'KDC_ERR_PADATA_TYPE_NOSUPP'],
      [0x11, 'KDC_ERR_TRTYPE_NO_SUPP'],
      [0x12, 'KDC_ERR_CLIENT_REVOKED'],
      [0x13, 'KDC_ERR_SERVICE_REVOKED'],
      [0x14, 'KDC_ERR_TGT_REVOKED'],
      [0x15, 'KDC_ERR_CLIENT_NOTYET'],
      [0x16, 'KDC_ERR_SERVICE_NOTYET'],
      [0x17, 'KDC_ERR_KEY_EXPIRED'],
      [0x18, 'KDC_ERR_PREAUTH_FAILED'],
      [0x19, 'KDC_ERR_PREAUTH_REQUIRED'],
      [0x1a, 'KDC_ERR_SERVER_NOMATCH'],
      [0x1b, 'KDC_ERR_MUST_USE_USER2USER'],
      [0x1f, 'KRB_AP_ERR_BAD_INTEGRITY'],
      [0x20, 'KRB_AP_ERR_TKT_EXPIRED'],
      [0x21, 'KRB_AP_ERR_TKT_NYV'],
      [0x22, 'KRB_AP_ERR_REPEAT'],
      [0x23, 'KRB_AP_ERR_NOT_US'],
      [0x24, 'KRB_AP_ERR_BADMATCH'],
      [0x25, 'KRB_AP_ERR_SKEW'],
      [0x26, 'KRB_AP_ERR_BADADDR'],
      [0x27, 'KRB_AP_ERR_BADVERSION'],
      [0x28, 'KRB_AP_ERR_MSG_TYPE'],
      [0x29, 'KRB_AP_ERR_MODIFIED'],
      [0x2a, 'KRB_AP_ERR_BADORDER'],
      [0x2c, 'KRB_AP_ERR_BADKEYVER'],
      [0x2d, 'KRB_AP_ERR_NOKEY'],
      [0x2e, 'KRB_AP_ERR_MUT_FAIL'],
      [0x2f, 'KRB_AP_ERR_BADDIRECTION'],
      [0x30, 'KRB_AP_ERR_METHOD'],
      [0x31, 'KRB_AP_ERR_BADSEQ'],
      [0x32, 'KRB_AP_ERR_INAPP_CKSUM'],
      [0x33, 'KRB_AP_PATH_NOT_ACCEPTED'],
      [0x34, 'KRB_ERR_RESPONSE_TOO_BIG'],
      [0x3c, 'KRB_ERR_GENERIC'],
      [0x3d, 'KRB_ERR_FIELD_TOOLONG'],
      [0x3e, 'KDC_ERR_CLIENT_NOT_TRUSTED'],
      [0x3f, 'KDC_ERR_KDC_NOT_TRUSTED'],
      [0x40, 'KDC_ERR_INVALID_SIG'],
      [0x41, 'KDC_ERR_KEY_TOO_WEAK'],
      [0x42, 'KRB_AP_ERR_USER_TO_USER_REQUIRED'],
      [0x43, 'KRB_AP_ERR_NO_TGT'],
      [0x44, 'KDC_ERR_WRONG_REALM'],
    ] as const
  ).map(([code, name]) => [`0x${code.toString(16)}`, name]),
);

// The failures that matter for password attacks, in words.
const KERBEROS_REASONS = new Map<string, string>([
  ['0x6', 'unknown user name (Kerberos principal unknown)'],
  ['0x12', 'account disabled, expired or locked out (Kerberos client revoked)'],
  ['0x17', 'password expired'],
  ['0x18', 'wrong password (Kerberos pre-authentication failed)'],
  ['0x25', 'clock skew too great between client and domain controller'],
]);

export function nameKerberosStatus(status: string | undefined): string | undefined {
  return status === undefined ? undefined : KERBEROS_NAMES.get(status);
}

export function explainKerberosFailure(status: string | undefined): string | undefined {
  if (status === undefined || status === '0x0') return undefined;
  const name = KERBEROS_NAMES.get(status);
  return KERBEROS_REASONS.get(status) ?? (name ? `Kerberos error ${name}` : `Kerberos error ${status}`);
}
