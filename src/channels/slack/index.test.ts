import { expect } from 'vitest';
import { describeChannelContract } from '../channel.contract.ts';
import { blockChars, SLACK_LIMITS } from './blocks.ts';
import { slackChannel } from './index.ts';
import { SLACK_TOKEN, SLACK_WEBHOOK_URL } from './testdata/webhook-url.ts';

/** Slack's plain-text error bodies for incoming webhooks, by status. */
const SLACK_BODIES: Record<number, string> = {
  400: 'invalid_payload',
  403: 'invalid_token',
  404: 'no_service',
  410: 'channel_is_archived',
  429: 'rate_limited',
  500: 'rollup_error',
};

describeChannelContract(slackChannel, {
  config: { mention: '<!here>' },
  secrets: { webhook_url: SLACK_WEBHOOK_URL },
  invalidConfigs: [
    { mention: '@here' },
    { mention: '<!here> hello' },
    { mention_priorities: ['P9'] },
    { channel: '#soc' },
  ],
  invalidSecrets: [
    {},
    { webhook_url: 'http://hooks.slack.com/services/T0/B0/x' },
    { webhook_url: 'hooks.slack.com/services/T0/B0/x' },
    { webhook_url: SLACK_WEBHOOK_URL, extra: 1 },
  ],
  secretValues: [SLACK_TOKEN, SLACK_WEBHOOK_URL],
  checkPayload(message, notification) {
    const { blocks } = message;
    expect(blocks.length, notification.id).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(
      blocks.reduce((sum, block) => sum + blockChars(block), 0),
      notification.id,
    ).toBeLessThanOrEqual(SLACK_LIMITS.totalBlockChars);
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackChars);
    for (const block of blocks) {
      if (block.type === 'header')
        expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerChars);
      if (block.type === 'section') {
        expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionChars);
        expect(block.fields?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.fields);
        for (const field of block.fields ?? [])
          expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldChars);
      }
    }
    // Only our own mention and link may use <...>: hostile text must arrive escaped.
    const json = JSON.stringify(message);
    expect(json).not.toContain('<script>');
    expect(json).not.toContain('<b>');
  },
  http: {
    target: (peerUrl) => ({
      config: {},
      secrets: { webhook_url: `${peerUrl}/services/T00000000/B00000000/${SLACK_TOKEN}` },
    }),
    reply: (status) => ({ body: status < 300 ? 'ok' : (SLACK_BODIES[status] ?? '') }),
    reasons: { 400: 'payload', 404: 'config' },
  },
});
