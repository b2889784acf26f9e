import { describe, expect, it } from 'vitest';
import { assembleMatchBytes } from '../../../scripts/build-wasm.mjs';
import { MATCH_BYTES_WASM } from './match-bytes-wasm.ts';

describe('match-bytes-wasm.ts', () => {
  it('holds the module wabt assembles from match-bytes.wat', async () => {
    const assembled = Buffer.from(await assembleMatchBytes());
    const committed = Buffer.from(MATCH_BYTES_WASM, 'base64');
    expect(
      committed.equals(assembled),
      'match-bytes-wasm.ts is not what match-bytes.wat assembles to: run `npm run build:wasm` and commit it',
    ).toBe(true);
  });
});
