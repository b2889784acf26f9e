/**
 * At most `max` UTF-16 units, ending in `ellipsis` when cut, never splitting a surrogate pair.
 * SMS passes `...`: `…` is not in the GSM alphabet and would make the message UCS-2.
 */
export function clipText(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ellipsis.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}${ellipsis}`;
}
