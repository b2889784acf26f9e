import { describe, expect, it } from 'vitest';
import type { ReplayCheckpoint } from './replay-checkpoint.ts';
import { decodeReplayCheckpoint, encodeReplayCheckpoint } from './replay-checkpoint.ts';

const snapshot = JSON.stringify({ windows: [{ $map: [['k "quoted"\\', { $num: '-Infinity' }]] }], at: 1.5 });
const checkpoint: ReplayCheckpoint = {
  version: 1,
  inputs: ['/var/log/auth.log', 'b "odd".ndjson'],
  positions: [10, 20],
  snapshot,
  serials: [3, 4],
  complete: false,
};

describe('replay checkpoint data', () => {
  it('keeps the engine snapshot as JSON, not as an escaped string, and reads it back the same', () => {
    const data = encodeReplayCheckpoint(checkpoint);
    expect(data.startsWith(`{"snapshot":${snapshot},`)).toBe(true);
    expect(JSON.parse(data)).toMatchObject({ positions: [10, 20], serials: [3, 4], complete: false });
    expect(decodeReplayCheckpoint(data)).toEqual(checkpoint);
  });

  it('saves no snapshot for a complete replay, nor for an engine with none yet', () => {
    const complete = decodeReplayCheckpoint(encodeReplayCheckpoint({ ...checkpoint, complete: true }));
    expect(complete).toEqual({ ...checkpoint, complete: true, snapshot: '' });
    expect(decodeReplayCheckpoint(encodeReplayCheckpoint({ ...checkpoint, snapshot: '' }))).toEqual({
      ...checkpoint,
      snapshot: '',
    });
  });

  it('reads a checkpoint saved before, with the snapshot as a string', () => {
    expect(decodeReplayCheckpoint(JSON.stringify(checkpoint))).toEqual(checkpoint);
  });
});
