const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const SPECIAL = /[&<>"]/g;
// A lone surrogate half makes Telegram refuse the whole message ("text must be encoded in UTF-8").
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for Telegram's HTML parse mode: `&`, `<`, `>` (and `"`, for attributes) as the entities
 * Telegram accepts, so nothing an attacker writes into a log line can become markup.
 */
export function escapeTelegramHtml(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(SPECIAL, (char) => ENTITIES[char] ?? char);
}

/** At most `max` UTF-16 units, ending in `…` when cut, never splitting a surrogate pair. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
