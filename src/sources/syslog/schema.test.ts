import { describe, expect, it } from 'vitest';
import { syslogSourceConfigSchema, syslogSourceSecretsSchema } from './schema.ts';

function issues(config: Record<string, unknown>): string[] {
  const result = syslogSourceConfigSchema.safeParse(config);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('syslogSourceConfigSchema', () => {
  it('fills in the defaults', () => {
    expect(syslogSourceConfigSchema.parse({ type: 'syslog', listen: 'udp://0.0.0.0:5514' })).toEqual({
      type: 'syslog',
      listen: 'udp://0.0.0.0:5514',
      format: 'sshd',
      max_message_bytes: 65_536,
      max_connections: 256,
    });
  });

  it('keeps a name and a format', () => {
    const config = { type: 'syslog', name: 'edge', listen: 'tcp://[::1]:6514', format: 'windows' };
    expect(syslogSourceConfigSchema.parse(config)).toMatchObject(config);
  });

  it('says what a listen address looks like', () => {
    expect(issues({ type: 'syslog', listen: 'syslog://0.0.0.0' })).toEqual([
      'listen: expected udp://HOST:PORT or tcp://HOST:PORT (port 0 to 65535, IPv6 in brackets)',
    ]);
  });

  it.each([
    { type: 'syslog' },
    { type: 'file', listen: 'udp://0.0.0.0:5514' },
    { type: 'syslog', listen: 'udp://0.0.0.0:5514', port: 514 },
    { type: 'syslog', listen: 'udp://0.0.0.0:5514', max_message_bytes: 10 },
    { type: 'syslog', listen: 'udp://0.0.0.0:5514', max_message_bytes: 1.5e3 + 0.5 },
    { type: 'syslog', listen: 'tcp://0.0.0.0:5514', max_connections: 0 },
    { type: 'syslog', listen: 'udp://0.0.0.0:5514', format: '' },
  ])('rejects %j', (config) => {
    expect(issues(config)).not.toEqual([]);
  });

  it('takes no secrets', () => {
    expect(syslogSourceSecretsSchema.safeParse({}).success).toBe(true);
    expect(syslogSourceSecretsSchema.safeParse({ password: 'x' }).success).toBe(false);
  });
});
