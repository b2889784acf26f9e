import { describe, expect, it } from 'vitest';
import { teamsConfigSchema, teamsSecretsSchema } from './schema.ts';
import { TEAMS_WEBHOOK_URL } from './testdata/webhook-url.ts';

describe('teams schemas', () => {
  it('takes the https Workflows URL and http only on this machine', () => {
    expect(teamsSecretsSchema.safeParse({ webhook_url: TEAMS_WEBHOOK_URL }).success).toBe(true);
    expect(teamsSecretsSchema.safeParse({ webhook_url: 'http://localhost:7071/api/x' }).success).toBe(true);
    expect(
      teamsSecretsSchema.safeParse({ webhook_url: TEAMS_WEBHOOK_URL.replace('https:', 'http:') }).success,
    ).toBe(false);
  });

  it('uses the full channel width by default', () => {
    expect(teamsConfigSchema.parse({})).toEqual({ full_width: true });
  });
});
