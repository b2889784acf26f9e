;; The byte matcher of match-bytes.ts: matchPattern (match-shape.ts) over the UTF-8 bytes of a line
;; in memory, 16 at a time where it can. Assembled by wabt into match-bytes-wasm.ts with
;; `npm run build:wasm` (scripts/build-wasm.mjs); match-bytes-wasm.test.ts fails when that is stale.
;;
;; Loads of lines and literals start at any byte (align=1): the memory is the caller's, laid out by
;; match-bytes.ts. A v128.load reads up to 15 bytes past a line's end, into the padding that
;; ByteMatcher.arena keeps after every arena.
(module
  (import "m" "memory" (memory 1))

  ;; match(table, steps, from, begin, end, spans, max) returns -1 (matched), the step that failed, or
  ;; -2 when a hole holds a byte >= 0x80 (offsets in bytes would no longer be offsets in the line's
  ;; characters: the caller matches the line as text). Only for patterns whose literals are ASCII.
  ;; `table` holds per step (and for the last literal) 3 i32: the literal's address, its length, the
  ;; hole's kind (0 string, 1 number). `spans` holds `max` i32 starts, `max` i32 ends, then `max`
  ;; escaped bytes; they are written as offsets from `begin`, as matchPattern writes them in the
  ;; text. Matching goes on from step `from`, whose start is the end of the hole before it. Each
  ;; token is checked as json-token-end.ts does, byte for character.
  (func $match (export "match")
    (param $table i32) (param $steps i32) (param $from i32) (param $begin i32) (param $end i32)
    (param $spans i32) (param $max i32) (result i32)
    (local $step i32) (local $at i32) (local $entry i32) (local $len i32) (local $start i32)
    (local $c i32) (local $esc i32) (local $v v128)
    local.get $begin local.set $at
    local.get $from
    if
      ;; at = begin + ends[from - 1]
      local.get $begin
      local.get $spans local.get $max i32.const 4 i32.mul i32.add
      local.get $from i32.const 1 i32.sub i32.const 4 i32.mul i32.add i32.load
      i32.add local.set $at
    end
    local.get $from local.set $step
    loop $next_step
      local.get $table local.get $step i32.const 12 i32.mul i32.add local.set $entry
      local.get $entry i32.const 4 i32.add i32.load local.set $len
      ;; the literal
      local.get $at local.get $len i32.add local.get $end i32.gt_u
      if local.get $step return end
      local.get $at local.get $entry i32.load local.get $len call $same
      i32.eqz if local.get $step return end
      local.get $at local.get $len i32.add local.set $at
      local.get $step local.get $steps i32.eq
      if
        i32.const -1 local.get $steps local.get $at local.get $end i32.eq select return
      end
      ;; the hole after it
      local.get $at local.set $start
      local.get $entry i32.const 8 i32.add i32.load
      i32.eqz
      if
        i32.const 0 local.set $esc
        block $closed
          loop $scan
            local.get $at local.get $end i32.ge_u if local.get $step return end
            ;; the first quote, backslash, control or non-ASCII byte of the next 16
            local.get $at v128.load align=1 local.tee $v
            i32.const 34 i8x16.splat i8x16.eq
            local.get $v i32.const 92 i8x16.splat i8x16.eq v128.or
            local.get $v i32.const 32 i8x16.splat i8x16.lt_s v128.or
            i8x16.bitmask local.tee $c
            i32.eqz
            if
              local.get $at i32.const 16 i32.add local.set $at
              br $scan
            end
            local.get $at local.get $c i32.ctz i32.add local.tee $at
            local.get $end i32.ge_u if local.get $step return end
            local.get $at i32.load8_u local.set $c
            local.get $c i32.const 34 i32.eq br_if $closed
            local.get $c i32.const 128 i32.ge_u if i32.const -2 return end
            local.get $c i32.const 92 i32.ne if local.get $step return end
            i32.const 1 local.set $esc
            local.get $at local.get $end call $escapeEnd local.tee $at
            i32.eqz if local.get $step return end
            local.get $at i32.const 1 i32.add local.set $at
            br $scan
          end
        end
        ;; escaped[step] = esc
        local.get $spans local.get $max i32.const 8 i32.mul i32.add local.get $step i32.add
        local.get $esc i32.store8
      else
        local.get $at local.get $end call $numberEnd local.tee $at
        i32.eqz if local.get $step return end
      end
      ;; starts[step] = start - begin, ends[step] = at - begin
      local.get $spans local.get $step i32.const 4 i32.mul i32.add
      local.get $start local.get $begin i32.sub i32.store
      local.get $spans local.get $max i32.const 4 i32.mul i32.add local.get $step i32.const 4 i32.mul i32.add
      local.get $at local.get $begin i32.sub i32.store
      local.get $step i32.const 1 i32.add local.set $step
      br $next_step
    end
    unreachable)

  ;; Whether the n bytes at a and at b are the same: 64 at a time, 16, 8, then one by one.
  (func $same (param $a i32) (param $b i32) (param $n i32) (result i32)
    block $done64
      loop $by64
        local.get $n i32.const 64 i32.lt_u br_if $done64
        local.get $a v128.load align=1 local.get $b v128.load align=1 v128.xor
        local.get $a i32.const 16 i32.add v128.load align=1
        local.get $b i32.const 16 i32.add v128.load align=1 v128.xor v128.or
        local.get $a i32.const 32 i32.add v128.load align=1
        local.get $b i32.const 32 i32.add v128.load align=1 v128.xor v128.or
        local.get $a i32.const 48 i32.add v128.load align=1
        local.get $b i32.const 48 i32.add v128.load align=1 v128.xor v128.or
        v128.any_true
        if i32.const 0 return end
        local.get $a i32.const 64 i32.add local.set $a
        local.get $b i32.const 64 i32.add local.set $b
        local.get $n i32.const 64 i32.sub local.set $n
        br $by64
      end
    end
    block $done16
      loop $by16
        local.get $n i32.const 16 i32.lt_u br_if $done16
        local.get $a v128.load align=1 local.get $b v128.load align=1 v128.xor v128.any_true
        if i32.const 0 return end
        local.get $a i32.const 16 i32.add local.set $a
        local.get $b i32.const 16 i32.add local.set $b
        local.get $n i32.const 16 i32.sub local.set $n
        br $by16
      end
    end
    block $done8
      loop $by8
        local.get $n i32.const 8 i32.lt_u br_if $done8
        local.get $a i64.load align=1 local.get $b i64.load align=1 i64.ne if i32.const 0 return end
        local.get $a i32.const 8 i32.add local.set $a
        local.get $b i32.const 8 i32.add local.set $b
        local.get $n i32.const 8 i32.sub local.set $n
        br $by8
      end
    end
    block $done1
      loop $by1
        local.get $n i32.eqz br_if $done1
        local.get $a i32.load8_u local.get $b i32.load8_u i32.ne if i32.const 0 return end
        local.get $a i32.const 1 i32.add local.set $a
        local.get $b i32.const 1 i32.add local.set $b
        local.get $n i32.const 1 i32.sub local.set $n
        br $by1
      end
    end
    i32.const 1)

  ;; The escape whose backslash is at `at`: its last byte, or 0 when JSON.parse refuses it.
  (func $escapeEnd (param $at i32) (param $end i32) (result i32)
    (local $c i32)
    local.get $at i32.const 1 i32.add local.tee $at
    local.get $end i32.ge_u if i32.const 0 return end
    local.get $at i32.load8_u local.set $c
    ;; \u and four hex digits
    local.get $c i32.const 117 i32.eq
    if
      local.get $at i32.const 4 i32.add local.get $end i32.ge_u if i32.const 0 return end
      local.get $at i32.const 1 i32.add i32.load8_u call $isHex
      local.get $at i32.const 2 i32.add i32.load8_u call $isHex i32.and
      local.get $at i32.const 3 i32.add i32.load8_u call $isHex i32.and
      local.get $at i32.const 4 i32.add i32.load8_u call $isHex i32.and
      i32.eqz if i32.const 0 return end
      local.get $at i32.const 4 i32.add return
    end
    ;; " \ / b f n r t
    local.get $c i32.const 34 i32.eq
    local.get $c i32.const 92 i32.eq i32.or
    local.get $c i32.const 47 i32.eq i32.or
    local.get $c i32.const 98 i32.eq i32.or
    local.get $c i32.const 102 i32.eq i32.or
    local.get $c i32.const 110 i32.eq i32.or
    local.get $c i32.const 114 i32.eq i32.or
    local.get $c i32.const 116 i32.eq i32.or
    if local.get $at return end
    i32.const 0)

  (func $isHex (param $c i32) (result i32)
    local.get $c i32.const 48 i32.sub i32.const 10 i32.lt_u
    local.get $c i32.const 32 i32.or i32.const 97 i32.sub i32.const 6 i32.lt_u
    i32.or)

  ;; The byte at i, 0 past the end (as charCodeAt's NaN, no digit nor sign). It reads the byte at
  ;; `end` too, which the padding after a line holds.
  (func $byteAt (param $i i32) (param $end i32) (result i32)
    local.get $i i32.load8_u i32.const 0 local.get $i local.get $end i32.lt_u select)

  (func $digitsEnd (param $i i32) (param $end i32) (result i32)
    loop $digit
      local.get $i local.get $end call $byteAt i32.const 48 i32.sub i32.const 10 i32.lt_u
      if local.get $i i32.const 1 i32.add local.set $i br $digit end
    end
    local.get $i)

  ;; The end of a JSON number at i (as numberEnd in json-token-end.ts), or 0.
  (func $numberEnd (param $i i32) (param $end i32) (result i32)
    (local $c i32) (local $d i32)
    local.get $i local.get $end call $byteAt i32.const 45 i32.eq
    if local.get $i i32.const 1 i32.add local.set $i end
    local.get $i local.get $end call $byteAt local.set $c
    ;; 0, or a digit 1-9 and more digits
    local.get $c i32.const 48 i32.eq
    if
      local.get $i i32.const 1 i32.add local.set $i
    else
      local.get $c i32.const 49 i32.sub i32.const 9 i32.ge_u if i32.const 0 return end
      local.get $i local.get $end call $digitsEnd local.set $i
    end
    ;; a fraction: a dot and at least one digit
    local.get $i local.get $end call $byteAt i32.const 46 i32.eq
    if
      local.get $i i32.const 1 i32.add local.get $end call $digitsEnd local.set $d
      local.get $d local.get $i i32.const 1 i32.add i32.eq if i32.const 0 return end
      local.get $d local.set $i
    end
    ;; an exponent: e or E, maybe a sign, at least one digit
    local.get $i local.get $end call $byteAt i32.const 32 i32.or i32.const 101 i32.eq
    if
      local.get $i i32.const 1 i32.add local.set $d
      local.get $d local.get $end call $byteAt local.set $c
      local.get $c i32.const 43 i32.eq local.get $c i32.const 45 i32.eq i32.or
      if local.get $d i32.const 1 i32.add local.set $d end
      local.get $d local.get $end call $digitsEnd local.set $i
      local.get $i local.get $d i32.eq if i32.const 0 return end
    end
    local.get $i))
