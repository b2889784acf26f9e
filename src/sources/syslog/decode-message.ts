const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;

/**
 * One message's bytes as text: trailing line ends (LF, CRLF, NUL) stripped, invalid UTF-8
 * replaced by U+FFFD. A message cut at a byte limit loses the character the cut went through
 * rather than ending in a replacement character.
 */
export function decodeMessage(bytes: Buffer, cut: boolean): string {
  let end = bytes.length;
  if (cut) end = endOfCompleteUtf8(bytes, end);
  while (end > 0 && isTerminator(bytes[end - 1])) end -= 1;
  return bytes.toString('utf8', 0, end);
}

function isTerminator(byte: number | undefined): boolean {
  return byte === LF || byte === CR || byte === NUL;
}

/** `end`, or the start of the multi-byte character that `end` would split. */
function endOfCompleteUtf8(bytes: Buffer, end: number): number {
  for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
    const byte = bytes[end - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? end - back : end;
  }
  return end;
}
