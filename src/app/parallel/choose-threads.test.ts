import { describe, expect, it } from 'vitest';
import { chooseThreads, MAX_LIGHT_FIELDS, MIN_PARALLEL_BYTES } from './choose-threads.ts';

const large = { size: MIN_PARALLEL_BYTES, encoding: 'plain', format: 'windows', light: true } as const;

describe('chooseThreads', () => {
  it('uses one thread per core, up to four, for a large plain NDJSON file: on two, the main thread and one worker', () => {
    expect(chooseThreads('auto', large, 2)).toBe(2);
    expect(chooseThreads('auto', large, 3)).toBe(3);
    expect(chooseThreads(undefined, { ...large, format: 'ndjson' }, 16)).toBe(4);
  });

  it('keeps small files, single-core machines and whole events on the main thread', () => {
    expect(chooseThreads('auto', { ...large, size: MIN_PARALLEL_BYTES - 1 }, 8)).toBe(1);
    expect(chooseThreads('auto', large, 1)).toBe(1);
    expect(chooseThreads('auto', { ...large, light: false }, 8)).toBe(1);
  });

  it('keeps light events of very many fields on the main thread unless told a number', () => {
    expect(chooseThreads('auto', { ...large, lightFields: MAX_LIGHT_FIELDS }, 2)).toBe(2);
    expect(chooseThreads('auto', { ...large, lightFields: MAX_LIGHT_FIELDS + 1 }, 2)).toBe(1);
    expect(chooseThreads(2, { ...large, lightFields: 500 }, 2)).toBe(2);
  });

  it('honours a number, except for gzip and formats whose parser keeps state between lines', () => {
    expect(chooseThreads(3, { ...large, size: 10, light: false }, 2)).toBe(3);
    expect(chooseThreads(3, { ...large, encoding: 'gzip' }, 8)).toBe(1);
    for (const format of ['sshd', 'cowrie', 'access-log'])
      expect(chooseThreads(3, { ...large, format }, 8)).toBe(1);
  });
});
