import { describe, expect, it } from 'vitest';
import { measureSmsText, normalizeSmsText } from './sms-text.ts';

describe('normalizeSmsText', () => {
  it('replaces typographic dashes, dots and quotes by GSM characters and flattens whitespace', () => {
    expect(normalizeSmsText(' #42 — opened…\n“root” · ‘x’ ')).toBe('#42 - opened... "root" - \'x\'');
  });
});

describe('measureSmsText', () => {
  it('counts GSM text in septets against a 160 segment', () => {
    expect(measureSmsText('a'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, segment: 160 });
  });

  it('counts an extended GSM character as two septets', () => {
    expect(measureSmsText('{x}€')).toEqual({ encoding: 'gsm7', units: 7, segment: 160 });
  });

  it('switches to UCS-2 with a 70 segment for one non-GSM character', () => {
    expect(measureSmsText('user.name=Иван')).toEqual({ encoding: 'ucs2', units: 14, segment: 70 });
  });
});
