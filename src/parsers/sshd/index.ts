import type { ParserDefinition } from '../parser.ts';
import { createSshdParser } from './create-sshd-parser.ts';
import { sniffSshd } from './sniff-sshd.ts';

export const sshdParser: ParserDefinition = {
  format: 'sshd',
  description:
    "auth.log / secure (RFC 3164 or 5424 syslog, journald, OpenWrt's logread): OpenSSH's and Dropbear's lines, and sudo, su and account changes, as Filebeat system.auth events",
  sniff: sniffSshd,
  create: createSshdParser,
};
