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

export { clipText } from '../clip-text.ts';
