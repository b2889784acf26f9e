import { z } from 'zod';
import { PRIORITIES } from '../../core/index.ts';
import type { ChannelServerSettings, ChannelSettingIssue } from '../../core/index.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or http to this machine only (a local relay or a test peer): the URL is the credential. */
function isSafeWebhookUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

/** `<!here>`, `<!channel>`, `<!subteam^S0123>` or `<@U0123>`, several separated by spaces. */
const MENTION =
  /^<(!here|!channel|!everyone|!subteam\^[A-Z0-9]+|@[UW][A-Z0-9]+)>( <(!here|!channel|!everyone|!subteam\^[A-Z0-9]+|@[UW][A-Z0-9]+)>)*$/;

export const slackConfigSchema = z
  .object({
    /** Who to notify when an incident of `mention_priorities` opens: `<!here>`, `<@U024BE7LH>`, `<!subteam^S012AB3CD>`. */
    mention: z
      .string()
      .regex(MENTION, 'mention must be <!here>, <!channel>, <@U…> or <!subteam^S…>')
      .optional(),
    mention_priorities: z.array(z.enum(PRIORITIES)).default(['P1']),
    /**
     * Slack user id → Klaxon user: the people who may act on incidents from Slack. Setting it puts
     * Acknowledge and Resolve buttons on incident messages (with `signing_secret` and `server.public_url`).
     */
    slack_users: z
      .record(
        z
          .string()
          .regex(/^[UW][A-Z0-9]{2,20}$/, 'a Slack user id looks like "U024BE7LH" (profile → Copy member ID)'),
        z.string().min(1, 'expected a Klaxon user name').max(100),
      )
      .optional(),
  })
  .strict();

export const slackSecretsSchema = z
  .object({
    /** `https://hooks.slack.com/services/T…/B…/…`: whoever holds it can post to the channel. */
    webhook_url: z.string().refine(isSafeWebhookUrl, 'webhook_url must be an https:// URL'),
    /** The Slack app's Signing Secret (Basic Information): verifies that a button press came from Slack. */
    signing_secret: z
      .string()
      .regex(/^[A-Za-z0-9]{16,128}$/, 'signing_secret must be the Signing Secret of the Slack app')
      .optional(),
  })
  .strict();

export type SlackConfig = z.infer<typeof slackConfigSchema>;
export type SlackSecrets = z.infer<typeof slackSecretsSchema>;

/** Where Slack posts button presses of a channel: `<public_url>` + this path. */
export function slackInteractivityPath(channel: string): string {
  return `/slack/interactivity/${channel}`;
}

/**
 * Buttons need all three: who may press them (`slack_users`), the secret that proves a press came
 * from Slack (`signing_secret`), and an address Slack can reach (`server.public_url`).
 */
export function checkSlackSettings(
  config: SlackConfig,
  secrets: SlackSecrets,
  server: ChannelServerSettings,
): ChannelSettingIssue[] {
  const issues: ChannelSettingIssue[] = [];
  const users = config.slack_users !== undefined;
  const secret = secrets.signing_secret !== undefined;
  if (users && !secret) {
    issues.push({
      key: 'slack_users',
      message:
        'Slack buttons need `signing_secret` too (the Slack app → Basic Information → Signing Secret), to verify each press',
    });
  }
  if (secret && !users) {
    issues.push({
      key: 'signing_secret',
      message:
        'Slack buttons need `slack_users` too: Slack user id → Klaxon user, the people who may press them',
    });
  }
  if (secret && server.publicUrl === undefined) {
    issues.push({
      key: 'signing_secret',
      message:
        'Slack buttons need `server.public_url`: Slack posts each press to <public_url>/slack/interactivity/<channel>',
    });
  }
  return issues;
}

/** Whether incident messages carry buttons: the config check makes sure the rest is there. */
export function slackButtonsOn(config: Pick<SlackConfig, 'slack_users'>): boolean {
  return config.slack_users !== undefined;
}
