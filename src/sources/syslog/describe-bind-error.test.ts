import { describe, expect, it } from 'vitest';
import { describeBindError } from './describe-bind-error.ts';

describe('describeBindError', () => {
  it('says in plain words why a bind failed', () => {
    const inUse = Object.assign(new Error('listen EADDRINUSE: address already in use'), {
      code: 'EADDRINUSE',
    });
    expect(describeBindError(inUse)).toBe('address in use');
    expect(describeBindError({ code: 'EACCES' })).toMatch(/^permission denied/);
    expect(describeBindError({ code: 'EWHATEVER' })).toBe('EWHATEVER');
    expect(describeBindError(new Error('boom'))).toBe('boom');
  });
});
