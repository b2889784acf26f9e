/** What sshd sends through rsyslog: RFC 3164 with PRI (authpriv.info = 38) and the RFC 5424 form. */
export const RFC3164_FAILED =
  '<38>Mar 30 16:01:36 web1 sshd[4242]: Failed password for invalid user admin from 203.0.113.9 port 52233 ssh2';
export const RFC3164_ACCEPTED =
  '<38>Mar 30 16:02:10 web1 sshd[4250]: Accepted publickey for deploy from 198.51.100.7 port 40022 ssh2: ED25519 SHA256:q1w2e3r4t5y6u7i8o9p0';
export const RFC5424_FAILED =
  '<38>1 2025-03-30T16:01:37.120Z web1 sshd 4242 - - Failed password for root from 203.0.113.9 port 52240 ssh2';
