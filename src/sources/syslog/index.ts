import type { SourceDefinition } from '../source.ts';
import { syslogSourceConfigSchema, syslogSourceSecretsSchema } from './schema.ts';
import type { SyslogSourceConfig, SyslogSourceSecrets } from './schema.ts';
import { createSyslogSource } from './syslog-source.ts';

export type { ListenAddress, SyslogProtocol } from './listen-address.ts';
export type { SyslogSourceConfig } from './schema.ts';
export type { SyslogSource } from './syslog-source.ts';
export type { SyslogStats } from './syslog-stats.ts';
export { createSyslogSource } from './syslog-source.ts';

/**
 * Syslog over UDP or TCP (`listen: udp://0.0.0.0:5514`). `create` returns a `SyslogSource`: an
 * EventSource with `address()` (the bound address, for port 0) and `stats()` (counters).
 */
export const syslogSource: SourceDefinition<SyslogSourceConfig, SyslogSourceSecrets> = {
  type: 'syslog',
  configSchema: syslogSourceConfigSchema,
  secretsSchema: syslogSourceSecretsSchema,
  create: (name, config, _secrets, dependencies) => createSyslogSource(name, config, dependencies),
};
