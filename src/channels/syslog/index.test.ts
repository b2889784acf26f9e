import { expect } from 'vitest';
import { describeChannelContract } from '../channel.contract.ts';
import { syslogChannel } from './index.ts';
import { effectiveMaxBytes, syslogConfigSchema } from './schema.ts';

const config = { host: 'siem.example.com', transport: 'udp', format: 'cef' };

describeChannelContract(syslogChannel, {
  config,
  secrets: {},
  invalidConfigs: [
    {},
    { ...config, transport: 'http' },
    { ...config, format: 'leef' },
    { ...config, facility: 'local9' },
    { ...config, hostname: 'has space' },
    { ...config, app_name: 'x'.repeat(49) },
    { ...config, max_bytes: 100 },
    { ...config, port: 70_000 },
  ],
  invalidSecrets: [{ token: 'x' }],
  secretValues: [],
  checkPayload(payload, notification) {
    expect(Buffer.byteLength(payload.message), notification.id).toBeLessThanOrEqual(
      effectiveMaxBytes(syslogConfigSchema.parse(config)),
    );
    expect(payload.message).not.toMatch(/[\r\n]/);
    expect(payload.message).toMatch(/^<\d{2,3}>1 \S+ \S+ klaxon - [a-z-]+ \[klaxon@32473 /);
  },
});
