import { describe, expect, it } from 'vitest';
import { parseIsoMillis } from './iso-time.ts';

describe('parseIsoMillis', () => {
  it.each([
    '2024-03-04T10:15:02.123Z',
    '1999-12-31T23:59:59.999Z',
    '2024-02-29T00:00:00.000Z',
    '2017-03-27T13:06:56Z',
    '2017-03-27T13:06:56.5+02:00',
  ])('agrees with Date.parse on %s', (text) => {
    expect(parseIsoMillis(text)).toBe(Date.parse(text));
  });

  it.each(['2023-02-29T00:00:00.000Z', '2024-13-01T00:00:00.000Z', 'yesterday', '2024-03-04T1x:15:02.123Z'])(
    'rejects %s',
    (text) => {
      expect(parseIsoMillis(text)).toBeNaN();
    },
  );
});
