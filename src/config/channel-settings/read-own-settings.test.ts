import { describe, expect, it } from 'vitest';
import type { PathIssue } from '../yaml/path-issue.ts';
import { parseRateLimit, readOwnSettings } from './read-own-settings.ts';

describe('parseRateLimit', () => {
  it('reads a count per duration, with or without a number before the unit', () => {
    expect(parseRateLimit('20/1m')).toEqual({ count: 20, perMs: 60_000 });
    expect(parseRateLimit('1/s')).toEqual({ count: 1, perMs: 1_000 });
    expect(parseRateLimit(' 30 / 90s ')).toEqual({ count: 30, perMs: 90_000 });
  });

  it('refuses zero, missing parts, other units and non-text', () => {
    for (const text of ['0/1m', '20', '/1m', '20/', '20/1x', '20/0s', 20])
      expect(parseRateLimit(text)).toBeUndefined();
  });
});

describe('readOwnSettings', () => {
  it('leaves detail unset (the route decides) and rate limits out when not set', () => {
    const issues: PathIssue[] = [];
    expect(readOwnSettings({}, ['channels', 'x'], issues)).toEqual({});
    expect(issues).toEqual([]);
  });

  it('points at the list entry of a bad rate', () => {
    const issues: PathIssue[] = [];
    readOwnSettings({ rate_limit: ['1/s', 'often'] }, ['channels', 'x'], issues);
    expect(issues.map((issue) => issue.path)).toEqual([['channels', 'x', 'rate_limit', 1]]);
  });
});
