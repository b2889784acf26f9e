import { z } from 'zod';
import { PRIORITIES } from '../../core/index.ts';

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
  })
  .strict();

export const slackSecretsSchema = z
  .object({
    /** `https://hooks.slack.com/services/T…/B…/…`: whoever holds it can post to the channel. */
    webhook_url: z.string().refine(isSafeWebhookUrl, 'webhook_url must be an https:// URL'),
  })
  .strict();

export type SlackConfig = z.infer<typeof slackConfigSchema>;
export type SlackSecrets = z.infer<typeof slackSecretsSchema>;
