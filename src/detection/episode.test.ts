import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.ts';
import { MINUTE_MS } from '../core/index.ts';
import { openEpisode, recordMatch, toDetection } from './episode.ts';

const event = { '@timestamp': '2024-01-01T00:00:00Z', event: {} } as SecurityEvent;

describe('toDetection minutes (pairs shared with the episode, which countInMinute replaces)', () => {
  it('equal a copy of the episode minutes taken at each detection, however events come, and stay so', () => {
    // Minutes of events in chunks; offsets past a day make the oldest minutes fold (MAX_MINUTES).
    const chunks = fc.array(fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 30 }), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), chunks, (start, parts) => {
        const t0 = start * MINUTE_MS;
        const episode = openEpisode('r/1/k', {}, { count: 3, firstSeen: t0, ts: t0 + 5, windowMs: 0 }, event);
        const shown: { minutes: unknown; expected: string }[] = [];
        for (const part of parts) {
          for (const minute of part) recordMatch(episode, t0 + minute * MINUTE_MS + 7, event);
          const detection = toDetection('updated', 'r', episode, t0);
          const expected = JSON.stringify(episode.minutes);
          expect(JSON.stringify(detection.minutes)).toBe(expected);
          expect(detection.minutes).not.toBe(episode.minutes);
          shown.push({ minutes: detection.minutes, expected });
        }
        // Later events change the episode's minutes, never those already shown.
        for (const { minutes, expected } of shown) expect(JSON.stringify(minutes)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
