import type { WasmFunction } from './wasm-module.ts';

/**
 * The ends of JSON tokens in bytes, for the byte matcher (match-bytes-code.ts), checked as
 * json-token-end.ts checks them in text: an escape in a string, a number.
 */
export const TOKEN_FUNCTIONS: readonly WasmFunction[] = [
  {
    // The escape whose backslash is at `at`: its last byte, or 0 when JSON.parse refuses it.
    name: 'escapeEnd',
    params: ['at', 'end'],
    locals: ['c'],
    body: `
      local.get at i32.const 1 i32.add local.tee at
      local.get end i32.ge_u if i32.const 0 return end
      local.get at i32.load8_u local.set c
      local.get c i32.const 117 i32.eq
      if
        local.get at i32.const 4 i32.add local.get end i32.ge_u if i32.const 0 return end
        local.get at i32.const 1 i32.add i32.load8_u call isHex
        local.get at i32.const 2 i32.add i32.load8_u call isHex i32.and
        local.get at i32.const 3 i32.add i32.load8_u call isHex i32.and
        local.get at i32.const 4 i32.add i32.load8_u call isHex i32.and
        i32.eqz if i32.const 0 return end
        local.get at i32.const 4 i32.add return
      end
      local.get c i32.const 34 i32.eq
      local.get c i32.const 92 i32.eq i32.or
      local.get c i32.const 47 i32.eq i32.or
      local.get c i32.const 98 i32.eq i32.or
      local.get c i32.const 102 i32.eq i32.or
      local.get c i32.const 110 i32.eq i32.or
      local.get c i32.const 114 i32.eq i32.or
      local.get c i32.const 116 i32.eq i32.or
      if local.get at return end
      i32.const 0`,
  },
  {
    name: 'isHex',
    params: ['c'],
    locals: [],
    body: `
      local.get c i32.const 48 i32.sub i32.const 10 i32.lt_u
      local.get c i32.const 32 i32.or i32.const 97 i32.sub i32.const 6 i32.lt_u
      i32.or`,
  },
  {
    // The byte at i, 0 past the end (as charCodeAt's NaN, no digit nor sign).
    name: 'byteAt',
    params: ['i', 'end'],
    locals: [],
    body: `
      local.get i i32.load8_u i32.const 0 local.get i local.get end i32.lt_u select`,
  },
  {
    name: 'digitsEnd',
    params: ['i', 'end'],
    locals: [],
    body: `
      loop
        local.get i local.get end call byteAt i32.const 48 i32.sub i32.const 10 i32.lt_u
        if local.get i i32.const 1 i32.add local.set i br 1 end
      end
      local.get i`,
  },
  {
    // End of a JSON number at i (as numberEnd), or 0.
    name: 'numberEnd',
    params: ['i', 'end'],
    locals: ['c', 'd'],
    body: `
      local.get i local.get end call byteAt i32.const 45 i32.eq
      if local.get i i32.const 1 i32.add local.set i end
      local.get i local.get end call byteAt local.set c
      local.get c i32.const 48 i32.eq
      if
        local.get i i32.const 1 i32.add local.set i
      else
        local.get c i32.const 49 i32.sub i32.const 9 i32.ge_u if i32.const 0 return end
        local.get i local.get end call digitsEnd local.set i
      end
      local.get i local.get end call byteAt i32.const 46 i32.eq
      if
        local.get i i32.const 1 i32.add local.get end call digitsEnd local.set d
        local.get d local.get i i32.const 1 i32.add i32.eq if i32.const 0 return end
        local.get d local.set i
      end
      local.get i local.get end call byteAt i32.const 32 i32.or i32.const 101 i32.eq
      if
        local.get i i32.const 1 i32.add local.set d
        local.get d local.get end call byteAt local.set c
        local.get c i32.const 43 i32.eq local.get c i32.const 45 i32.eq i32.or
        if local.get d i32.const 1 i32.add local.set d end
        local.get d local.get end call digitsEnd local.set i
        local.get i local.get d i32.eq if i32.const 0 return end
      end
      local.get i`,
  },
];
