/**
 * Text from channels (failure messages, details) as the dashboard may show it: URLs keep only
 * their origin (webhook URLs carry tokens in paths and queries, and passwords in the user part),
 * Telegram bot tokens and bearer tokens are blanked. A second line of defence: channels already
 * redact where they create errors.
 */
export function scrubSecrets(text: string): string {
  return text
    .replace(
      /\b([a-z][a-z0-9+.-]*:\/\/)(?:[^\s/?#@"'<>]*@)?([^\s/?#"'<>]+)[^\s"'<>]*/gi,
      (_all, scheme: string, host: string) => `${scheme}${host}/…`,
    )
    .replace(/\bbot\d+:[A-Za-z0-9_-]{20,}/g, 'bot<secret>')
    .replace(/\b(bearer) +[^\s,;"']+/gi, '$1 <secret>')
    .replace(/\b(token|key|secret|password|passwd|apikey|api_key)=[^\s,;&"']+/gi, '$1=<secret>');
}
