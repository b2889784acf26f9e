import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { consoleChannel } from '../channels/console/index.ts';
import { emailChannel } from '../channels/email/index.ts';
import { fileChannel } from '../channels/file/index.ts';
import { pagerdutyChannel } from '../channels/pagerduty/index.ts';
import { slackChannel } from '../channels/slack/index.ts';
import { smsChannel } from '../channels/sms/index.ts';
import { syslogChannel } from '../channels/syslog/index.ts';
import { teamsChannel } from '../channels/teams/index.ts';
import { telegramChannel } from '../channels/telegram/index.ts';
import { webhookChannel } from '../channels/webhook/index.ts';
import { routesSchema } from '../routing/index.ts';
import { describeConfig } from './describe-config.ts';
import type { ChannelTypeSchemas } from './klaxon-config.ts';
import { loadConfig, loadConfigText } from './load-config.ts';
import { testdataPath } from './testdata/channel-types.ts';

const definitions = [
  telegramChannel,
  emailChannel,
  webhookChannel,
  slackChannel,
  teamsChannel,
  pagerdutyChannel,
  smsChannel,
  syslogChannel,
  fileChannel,
  consoleChannel,
];
const channelTypes = new Map<string, ChannelTypeSchemas>(
  definitions.map((definition) => [definition.type, definition]),
);

const env = {
  TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
  TELEGRAM_CHAT_ID: '-1001234567890',
  SMTP_URL: 'smtps://klaxon:M41l-pa55word@mail.example.com:465',
  WEBHOOK_SECRET: `whsec_${Buffer.alloc(32, 7).toString('base64')}`,
  SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX',
  PAGERDUTY_ROUTING_KEY: 'R0UT1NGKEY0123456789abcdefABCDEF',
  HEALTHCHECK_URL: 'https://hc-ping.com/0f4c2b6e-secret',
};
const options = { channelTypes, routesSchema, env };

describe('loadConfig with the real channel definitions', () => {
  it('loads every channel type, splitting secrets from settings the way each channel declares them', async () => {
    const result = await loadConfig(testdataPath('real/klaxon.yaml'), options);
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
    const byName = new Map(result.config.channels.map((channel) => [channel.name, channel]));
    expect([...byName.keys()]).toEqual([
      'soc-telegram',
      'soc-mail',
      'soar',
      'slack-soc',
      'pager',
      'siem',
      'archive',
      'screen',
    ]);
    expect(byName.get('soc-telegram')).toMatchObject({
      type: 'telegram',
      config: {
        chat_id: '-1001234567890',
        base_url: 'https://api.telegram.org',
        disable_notification: false,
      },
      secrets: { bot_token: env.TELEGRAM_BOT_TOKEN },
      rateLimits: [{ count: 1, perMs: 1_000 }],
    });
    expect(byName.get('soc-mail')).toMatchObject({
      config: {
        to: ['soc@example.com'],
        pgp_public_keys: { 'soc@example.com': testdataPath('real/keys/soc.asc') },
      },
      secrets: { smtp_url: env.SMTP_URL },
    });
    expect(byName.get('soar')).toMatchObject({
      detail: 'link',
      secrets: { signing_secrets: [env.WEBHOOK_SECRET] },
    });
    expect(byName.get('siem')?.config).toMatchObject({
      ca_file: testdataPath('real/certs/siem-ca.pem'),
      transport: 'tls',
    });
    expect(byName.get('archive')?.config).toEqual({ path: testdataPath('real/alerts.jsonl') });
    expect(result.config.routes.map((route) => route.name)).toEqual(['route-1', 'route-2', 'route-3']);
    expect(result.config.rules).toEqual([testdataPath('real/rules')]);
  });

  it('never shows a secret of any channel in describeConfig, JSON or inspect', async () => {
    const result = await loadConfig(testdataPath('real/klaxon.yaml'), options);
    if (!result.ok) throw new Error('should load');
    const shown = [
      describeConfig(result.config),
      JSON.stringify(result.config),
      inspect(result.config, { depth: null }),
    ];
    for (const text of shown) {
      for (const [name, value] of Object.entries(env)) {
        if (name === 'TELEGRAM_CHAT_ID') continue;
        expect(text).not.toContain(value);
      }
    }
    expect(describeConfig(result.config)).toContain('bot_token: { hasSecret: true }');
    expect(describeConfig(result.config)).toContain('chat_id: "-1001234567890"');
  });

  it('takes webhook headers as settings and secret_headers as secrets', async () => {
    const text =
      'channels:\n  soar: { type: webhook, url: https://x.example, signing_secrets: ${WEBHOOK_SECRET}, headers: { X-Team: soc }, secret_headers: { Authorization: "Bearer ${WEBHOOK_SECRET}" } }\n';
    const result = await loadConfigText(text, testdataPath('real/inline.yaml'), options);
    expect(result.ok ? [] : result.issues).toEqual([]);
    const soar = result.ok ? result.config.channels[0] : undefined;
    expect((soar?.config as { headers: unknown }).headers).toEqual({ 'X-Team': 'soc' });
    expect(describeConfig(result.ok ? result.config : (undefined as never))).toContain(
      'secret_headers: { hasSecret: true }',
    );
  });

  it('names the real field of a misspelt telegram setting', async () => {
    const text = 'channels:\n  t: { type: telegram, bot_tokn: ${TELEGRAM_BOT_TOKEN}, chat_id: 42 }\n';
    const result = await loadConfigText(text, testdataPath('real/inline.yaml'), options);
    const messages = result.ok ? [] : result.issues.map((issue) => `${issue.field}: ${issue.message}`);
    expect(messages).toContain(
      'channels.t.bot_tokn: unknown field `bot_tokn` for a telegram channel; did you mean `bot_token`?',
    );
    expect(JSON.stringify(result)).not.toContain(env.TELEGRAM_BOT_TOKEN);
  });
});
