import { describe, expect, it } from 'vitest';
import { canonicalStatus } from './status-code.ts';

describe('canonicalStatus', () => {
  it('writes status codes one way whatever case and padding they came in', () => {
    expect(canonicalStatus('0xC000006A')).toBe('0xc000006a');
    expect(canonicalStatus('0xc000006a')).toBe('0xc000006a');
    expect(canonicalStatus('0x00000018')).toBe('0x18');
    expect(canonicalStatus('0x18')).toBe('0x18');
    expect(canonicalStatus('0x00000000')).toBe('0x0');
    expect(canonicalStatus('0X1f')).toBe('0x1f');
  });

  it('rejects what is not a hexadecimal code', () => {
    for (const value of [undefined, '', '0x', '24', '0xZZ', '%%2313', '0x1234567890']) {
      expect(canonicalStatus(value), String(value)).toBeUndefined();
    }
  });

  it('answers the same for values asked again in any order', () => {
    const forms: [string, string | undefined][] = [
      ['0xC000006D', '0xc000006d'],
      ['0xc000006a', '0xc000006a'],
      ['0x00000018', '0x18'],
      ['', undefined],
      ['0xc0000064', '0xc0000064'],
      ['-', undefined],
      ['0x0', '0x0'],
    ];
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < forms.length * 4; i++) {
        const [value, form] = forms[(i * (round + 2)) % forms.length] as [string, string | undefined];
        expect(canonicalStatus(value), value).toBe(form);
      }
  });
});
