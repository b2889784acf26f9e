import type { SigmaValue } from './sigma-value.ts';

type SigmaText = Extract<SigmaValue, { kind: 'string' }>;

const UTF16 = ['wide', 'utf16le', 'utf16be', 'utf16'];

/**
 * After a UTF-16 modifier a value's characters stand for bytes (NULs included); before, base64
 * encodes the text's UTF-8 bytes, as pySigma does.
 */
function bytesOf(value: SigmaText, applied: readonly string[]): Buffer {
  const asBytes = applied.some((name) => UTF16.includes(name));
  return Buffer.from(value.pattern, asBytes ? 'latin1' : 'utf8');
}

function text(pattern: string, value: SigmaText): SigmaText {
  return { kind: 'string', pattern, raw: pattern, cased: value.cased };
}

export function base64Encode(value: SigmaText, applied: readonly string[]): SigmaValue {
  return text(bytesOf(value, applied).toString('base64'), value);
}

const START_OFFSETS = [0, 2, 3] as const;
const END_OFFSETS = [undefined, -3, -2] as const;

/**
 * The three base64 forms the value takes at byte offsets 0, 1 and 2 of a longer encoded text,
 * trimmed of the characters that depend on the neighbouring bytes.
 */
export function base64OffsetVariants(value: SigmaText, applied: readonly string[]): SigmaValue[] {
  const data = bytesOf(value, applied);
  return [0, 1, 2].map((shift) => {
    const encoded = Buffer.concat([Buffer.alloc(shift, 0x20), data]).toString('base64');
    const end = END_OFFSETS[(data.length + shift) % 3];
    return text(encoded.slice(START_OFFSETS[shift], end), value);
  });
}

/** Each character as its two UTF-16 bytes (little or big endian), wildcards kept as they are. */
export function utf16Encode(value: SigmaText, order: 'le' | 'be' | 'bom', name: string): SigmaValue {
  let pattern = order === 'bom' ? '\xff\xfe' : '';
  for (const char of value.pattern) {
    const code = char.charCodeAt(0);
    if (code === 0xe000 || code === 0xe001) {
      pattern += char;
      continue;
    }
    const bytes = Buffer.from(char, 'utf16le');
    pattern += (order === 'be' ? Buffer.from(bytes).swap16() : bytes).toString('latin1');
  }
  void name;
  return { kind: 'string', pattern, raw: pattern, cased: value.cased };
}
