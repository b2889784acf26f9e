import { expect } from 'vitest';
import { describeChannelContract } from '../channel.contract.ts';
import { TEAMS_MAX_BYTES } from './card.ts';
import { teamsChannel } from './index.ts';
import { TEAMS_ERRORS, TEAMS_PATH, TEAMS_SIG, TEAMS_WEBHOOK_URL } from './testdata/webhook-url.ts';

describeChannelContract(teamsChannel, {
  config: { full_width: false },
  secrets: { webhook_url: TEAMS_WEBHOOK_URL },
  invalidConfigs: [{ full_width: 'yes' }, { title: 'x' }],
  invalidSecrets: [
    {},
    { webhook_url: 'http://prod-27.westeurope.logic.azure.com/workflows/x' },
    { webhook_url: 'not a url' },
  ],
  secretValues: [TEAMS_SIG, TEAMS_WEBHOOK_URL],
  checkPayload(message, notification) {
    expect(Buffer.byteLength(JSON.stringify(message)), notification.id).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    const card = message.attachments[0].content;
    expect(card.type).toBe('AdaptiveCard');
    expect(
      card.body.every(
        (block) => block.type === 'RichTextBlock' && block.inlines.every((run) => run.type === 'TextRun'),
      ),
    ).toBe(true);
  },
  http: {
    target: (peerUrl) => ({ config: {}, secrets: { webhook_url: `${peerUrl}${TEAMS_PATH}` } }),
    reply: (status) => (TEAMS_ERRORS[status] ? { body: TEAMS_ERRORS[status] } : {}),
    reasons: { 400: 'payload', 404: 'config', 413: 'payload' },
    okStatus: 202,
  },
});
