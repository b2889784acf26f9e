import { describe, expect, it } from 'vitest';
import type { PathIssue } from '../yaml/path-issue.ts';
import { readServer } from './read-server.ts';

describe('server.log_level', () => {
  it('is read when it names a level, and left unset otherwise', () => {
    const issues: PathIssue[] = [];
    expect(readServer({ log_level: 'debug' }, issues).server.logLevel).toBe('debug');
    expect(readServer({}, issues).server.logLevel).toBeUndefined();
    expect(issues).toEqual([]);
  });

  it('names the field and the levels when the value is none of them', () => {
    const issues: PathIssue[] = [];
    readServer({ log_level: 'loud' }, issues);
    expect(issues).toEqual([
      { path: ['server', 'log_level'], message: expect.stringContaining('fatal, error, warn, info, debug') },
    ]);
  });
});
