import { describe, expect, it } from 'vitest';
import { fileSourceConfigSchema, fileSourceSecretsSchema } from './schema.ts';

function issues(input: unknown): string[] {
  const parsed = fileSourceConfigSchema.safeParse(input);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('fileSourceConfigSchema', () => {
  it('fills in the defaults and always gives a list of paths', () => {
    expect(fileSourceConfigSchema.parse({ type: 'file', path: '/var/log/auth.log', format: 'sshd' })).toEqual(
      {
        type: 'file',
        path: ['/var/log/auth.log'],
        format: 'sshd',
        start_at: 'beginning',
        poll: 1000,
        max_line_bytes: 1024 * 1024,
      },
    );
  });

  it('takes a list of patterns, a start, a poll duration and a line limit', () => {
    const config = fileSourceConfigSchema.parse({
      type: 'file',
      name: 'auth',
      path: ['/var/log/secure*', '/var/log/auth.log'],
      start_at: 'end',
      poll: '250ms',
      max_line_bytes: 4096,
    });
    expect(config).toMatchObject({
      path: ['/var/log/secure*', '/var/log/auth.log'],
      start_at: 'end',
      poll: 250,
    });
  });

  it('refuses unknown keys, bad patterns, bad durations and empty lists, naming the field', () => {
    expect(issues({ type: 'file', path: '/a', tail: true })).toEqual([': Unrecognized key: "tail"']);
    expect(issues({ type: 'file', path: '/var/log/[ab.log' })).toEqual([
      'path: `[ab.log` has a [ without its closing ]',
    ]);
    expect(issues({ type: 'file', path: '/a', poll: 'often' })).toEqual([
      'poll: expected a duration of at least 10ms, like `1s`',
    ]);
    expect(issues({ type: 'file', path: [] })).toEqual(['path: name at least one file']);
    expect(issues({ type: 'file', path: '' })).toEqual(['path: must not be empty']);
    expect(issues({ type: 'file', path: '/a', start_at: 'middle' })).toHaveLength(1);
    expect(issues({ type: 'syslog', path: '/a' })).toHaveLength(1);
    expect(issues({ type: 'file' })).toHaveLength(1);
  });

  it('takes the zone of times its logs write without one, and refuses one it does not know', () => {
    for (const timezone of ['Europe/Berlin', 'local', '+05:30', 'UTC'])
      expect(fileSourceConfigSchema.parse({ type: 'file', path: '/a', timezone })).toMatchObject({
        timezone,
      });
    expect(issues({ type: 'file', path: '/a', timezone: 'Europe/Berln' })).toEqual([
      expect.stringMatching(/^timezone: unknown time zone "Europe\/Berln": give an IANA name/),
    ]);
    expect(issues({ type: 'file', path: '/a', timezone: 2 })).toEqual([
      'timezone: expected a time zone such as Europe/Berlin, local or +02:00',
    ]);
  });

  it('has no secrets', () => {
    expect(fileSourceSecretsSchema.parse({})).toEqual({});
    expect(fileSourceSecretsSchema.safeParse({ password: 'x' }).success).toBe(false);
  });
});
