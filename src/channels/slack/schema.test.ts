import { describe, expect, it } from 'vitest';
import { slackConfigSchema, slackSecretsSchema } from './schema.ts';

describe('slack schemas', () => {
  it('takes https webhook URLs anywhere and http only on this machine', () => {
    expect(
      slackSecretsSchema.safeParse({ webhook_url: 'https://hooks.slack-gov.com/services/T0/B0/x' }).success,
    ).toBe(true);
    expect(
      slackSecretsSchema.safeParse({ webhook_url: 'http://127.0.0.1:8080/services/T0/B0/x' }).success,
    ).toBe(true);
    expect(
      slackSecretsSchema.safeParse({ webhook_url: 'http://hooks.slack.com/services/T0/B0/x' }).success,
    ).toBe(false);
  });

  it('accepts Slack mention syntax for users, groups and the channel, and mentions P1 by default', () => {
    for (const mention of ['<!here>', '<@U024BE7LH>', '<!subteam^S012AB3CD>', '<!here> <@W012A3CDE>']) {
      expect(slackConfigSchema.safeParse({ mention }).success, mention).toBe(true);
    }
    expect(slackConfigSchema.parse({}).mention_priorities).toEqual(['P1']);
  });
});
