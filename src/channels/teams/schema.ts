import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or http to this machine only (a test peer): the `sig=` in the query is the credential. */
function isSafeWebhookUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

export const teamsConfigSchema = z
  .object({
    /** Let the card use the whole width of the channel (`msteams.width: Full`). */
    full_width: z.boolean().default(true),
  })
  .strict();

export const teamsSecretsSchema = z
  .object({
    /**
     * The URL of a Workflows (Power Automate) flow "When a Teams webhook request is received"
     * → "Post card in a chat or channel": `https://…/workflows/…/triggers/manual/paths/invoke?…&sig=…`.
     */
    webhook_url: z.string().refine(isSafeWebhookUrl, 'webhook_url must be an https:// URL'),
  })
  .strict();

export type TeamsConfig = z.infer<typeof teamsConfigSchema>;
export type TeamsSecrets = z.infer<typeof teamsSecretsSchema>;
