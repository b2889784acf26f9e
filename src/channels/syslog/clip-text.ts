export { clipText } from '../clip-text.ts';

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, cut at a character boundary. */
export function clipUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}
