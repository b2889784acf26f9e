import { TOKEN_FUNCTIONS } from './match-bytes-tokens.ts';
import type { WasmFunction } from './wasm-module.ts';

/** Bytes of a spans block: starts (i32 per step), ends (i32 per step), escaped (a byte per step). */
export function spansBytes(maxSteps: number): number {
  return maxSteps * 9;
}

/**
 * matchPattern (match-shape.ts) over the UTF-8 bytes of a line in memory (16 at a time where it can), for patterns whose
 * literals are ASCII: `match(table, steps, from, begin, end, spans, maxSteps)` returns -1 (matched),
 * the step that failed, or -2 when a hole holds a byte >= 0x80 (offsets in bytes would no longer
 * be offsets in the line's characters: the caller matches the line as text). `table` holds per step
 * (and for the last literal) 3 i32: the literal's address, its length, the hole's kind (0 string,
 * 1 number). Spans are written as offsets from `begin`, as matchPattern writes them in the text.
 * Checks each token as json-token-end.ts does, byte for character.
 */
export const MATCH_FUNCTIONS: readonly WasmFunction[] = [
  {
    name: 'match',
    params: ['table', 'steps', 'from', 'begin', 'end', 'spans', 'max'],
    locals: ['step', 'at', 'entry', 'len', 'start', 'c', 'esc', 'v:v128'],
    body: `
      local.get begin local.set at
      local.get from
      if
        local.get begin
        local.get spans local.get max i32.const 4 i32.mul i32.add
        local.get from i32.const 1 i32.sub i32.const 4 i32.mul i32.add i32.load
        i32.add local.set at
      end
      local.get from local.set step
      loop
        local.get table local.get step i32.const 12 i32.mul i32.add local.set entry
        local.get entry i32.const 4 i32.add i32.load local.set len
        local.get at local.get len i32.add local.get end i32.gt_u
        if local.get step return end
        local.get at local.get entry i32.load local.get len call same
        i32.eqz if local.get step return end
        local.get at local.get len i32.add local.set at
        local.get step local.get steps i32.eq
        if
          i32.const -1 local.get steps local.get at local.get end i32.eq select return
        end
        local.get at local.set start
        local.get entry i32.const 8 i32.add i32.load
        i32.eqz
        if
          i32.const 0 local.set esc
          block
            loop
              local.get at local.get end i32.ge_u if local.get step return end
              ;; the first quote, backslash, control or non-ASCII byte of the next 16
              local.get at v128.load local.tee v
              i32.const 34 i8x16.splat i8x16.eq
              local.get v i32.const 92 i8x16.splat i8x16.eq v128.or
              local.get v i32.const 32 i8x16.splat i8x16.lt_s v128.or
              i8x16.bitmask local.tee c
              i32.eqz
              if
                local.get at i32.const 16 i32.add local.set at
                br 1
              end
              local.get at local.get c i32.ctz i32.add local.tee at
              local.get end i32.ge_u if local.get step return end
              local.get at i32.load8_u local.set c
              local.get c i32.const 34 i32.eq br_if 1
              local.get c i32.const 128 i32.ge_u if i32.const -2 return end
              local.get c i32.const 92 i32.ne if local.get step return end
              i32.const 1 local.set esc
              local.get at local.get end call escapeEnd local.tee at
              i32.eqz if local.get step return end
              local.get at i32.const 1 i32.add local.set at
              br 0
            end
          end
          local.get spans local.get max i32.const 8 i32.mul i32.add local.get step i32.add
          local.get esc i32.store8
        else
          local.get at local.get end call numberEnd local.tee at
          i32.eqz if local.get step return end
        end
        local.get spans local.get step i32.const 4 i32.mul i32.add
        local.get start local.get begin i32.sub i32.store
        local.get spans local.get max i32.const 4 i32.mul i32.add local.get step i32.const 4 i32.mul i32.add
        local.get at local.get begin i32.sub i32.store
        local.get step i32.const 1 i32.add local.set step
        br 0
      end
      unreachable`,
  },
  {
    // Whether the n bytes at a and at b are the same: 64 at a time, 16, 8, then one by one.
    name: 'same',
    params: ['a', 'b', 'n'],
    locals: [],
    body: `
      block
        loop
          local.get n i32.const 64 i32.lt_u br_if 1
          local.get a v128.load local.get b v128.load v128.xor
          local.get a i32.const 16 i32.add v128.load local.get b i32.const 16 i32.add v128.load v128.xor v128.or
          local.get a i32.const 32 i32.add v128.load local.get b i32.const 32 i32.add v128.load v128.xor v128.or
          local.get a i32.const 48 i32.add v128.load local.get b i32.const 48 i32.add v128.load v128.xor v128.or
          v128.any_true
          if i32.const 0 return end
          local.get a i32.const 64 i32.add local.set a
          local.get b i32.const 64 i32.add local.set b
          local.get n i32.const 64 i32.sub local.set n
          br 0
        end
      end
      block
        loop
          local.get n i32.const 16 i32.lt_u br_if 1
          local.get a v128.load local.get b v128.load v128.xor v128.any_true
          if i32.const 0 return end
          local.get a i32.const 16 i32.add local.set a
          local.get b i32.const 16 i32.add local.set b
          local.get n i32.const 16 i32.sub local.set n
          br 0
        end
      end
      block
        loop
          local.get n i32.const 8 i32.lt_u br_if 1
          local.get a i64.load local.get b i64.load i64.ne if i32.const 0 return end
          local.get a i32.const 8 i32.add local.set a
          local.get b i32.const 8 i32.add local.set b
          local.get n i32.const 8 i32.sub local.set n
          br 0
        end
      end
      block
        loop
          local.get n i32.eqz br_if 1
          local.get a i32.load8_u local.get b i32.load8_u i32.ne if i32.const 0 return end
          local.get a i32.const 1 i32.add local.set a
          local.get b i32.const 1 i32.add local.set b
          local.get n i32.const 1 i32.sub local.set n
          br 0
        end
      end
      i32.const 1`,
  },
  ...TOKEN_FUNCTIONS,
];
