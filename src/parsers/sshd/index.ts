import type { ParserDefinition } from '../parser.ts';
import { createSshdParser } from './create-sshd-parser.ts';
import { sniffSshd } from './sniff-sshd.ts';

export const sshdParser: ParserDefinition = {
  format: 'sshd',
  description:
    'OpenSSH sshd lines from syslog (auth.log, secure; RFC 3164 or 5424) as Filebeat system.auth events',
  sniff: sniffSshd,
  create: createSshdParser,
};
