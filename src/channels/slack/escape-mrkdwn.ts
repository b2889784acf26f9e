/**
 * Slack mrkdwn escaping: only `&`, `<` and `>` are control characters (`<!channel>`, `<url|text>`),
 * so escaping them is what keeps an attacker-chosen user name from pinging or linking anyone.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** For text inside a ``` block: escaped, and no run of backticks left that could close the block. */
export function escapeCodeBlock(text: string): string {
  return escapeMrkdwn(text).replace(/`(?=`)/g, '`\u200b');
}

/** Clips escaped text to `max` characters without cutting an entity such as `&amp;` in half. */
export function clipEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp !== -1 && amp > cut - 5 && text.indexOf(';', amp) >= cut) cut = amp;
  return `${text.slice(0, cut)}…`;
}
