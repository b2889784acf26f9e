// GSM 03.38: the 7-bit alphabet every handset decodes; one character outside it switches the
// whole message to UCS-2, which cuts a segment from 160 characters to 70.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** Sent as escape + character: two septets each. */
const GSM_EXTENDED = new Set('^{}\\[~]|€');

/** Typography our messages use, as GSM characters, so a dash does not cost 90 characters. */
const GSM_LOOKALIKES: Record<string, string> = {
  '—': '-',
  '–': '-',
  '…': '...',
  '·': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '→': '->',
  '\u00a0': ' ',
};
const LOOKALIKE = /[—–…·‘’“”→\u00a0]/g;
const WHITESPACE = /\s+/g;

export const GSM_SEGMENT = 160;
export const UCS2_SEGMENT = 70;

/** One line of text, with typographic characters replaced by GSM ones where that is lossless enough. */
export function normalizeSmsText(text: string): string {
  return text
    .replace(WHITESPACE, ' ')
    .replace(LOOKALIKE, (char) => GSM_LOOKALIKES[char] ?? char)
    .trim();
}

export interface SmsSize {
  encoding: 'gsm7' | 'ucs2';
  /** Septets for GSM (an extended character counts two), UTF-16 units for UCS-2. */
  units: number;
  /** What one segment holds in that encoding. */
  segment: number;
}

/** How much of a segment the text takes: GSM-7 while every character is GSM, else UCS-2. */
export function measureSmsText(text: string): SmsSize {
  let septets = 0;
  for (const char of text) {
    if (GSM_BASIC.has(char)) septets++;
    else if (GSM_EXTENDED.has(char)) septets += 2;
    else return { encoding: 'ucs2', units: text.length, segment: UCS2_SEGMENT };
  }
  return { encoding: 'gsm7', units: septets, segment: GSM_SEGMENT };
}
