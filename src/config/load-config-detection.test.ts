import { describe, expect, it } from 'vitest';
import { routesSchema } from '../routing/index.ts';
import { loadConfigText } from './load-config.ts';
import { fakeChannelTypes, testdataPath } from './testdata/channel-types.ts';

const load = (text: string) =>
  loadConfigText(text, testdataPath('inline.yaml'), {
    channelTypes: fakeChannelTypes,
    routesSchema,
    env: {},
  });

describe('detection settings', () => {
  it('reads max_future_skew, five minutes when not given', async () => {
    const given = await load('detection: { reorder_tolerance: 1s, max_future_skew: 90s }\n');
    expect(given.ok && given.config.detection).toEqual({ toleranceMs: 1_000, maxFutureMs: 90_000 });
    const defaults = await load('store: sqlite:x.db\n');
    expect(defaults.ok && defaults.config.detection).toEqual({ toleranceMs: 2_000, maxFutureMs: 300_000 });
  });

  it('names the file, line and field of a skew that is not a duration up to a day', async () => {
    for (const value of ['soon', '2d', '-1m']) {
      const result = await load(`store: sqlite:x.db\ndetection:\n  max_future_skew: ${value}\n`);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.issues).toMatchObject([
          {
            file: testdataPath('inline.yaml'),
            line: 3,
            field: 'detection.max_future_skew',
            message: 'expected a duration from 0s to 24h, like `5m`',
          },
        ]);
    }
  });
});
