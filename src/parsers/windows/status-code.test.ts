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
});
