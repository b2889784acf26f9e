import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.ts';
import { compileGroupKey } from './group-key.ts';

const event = (fields: Record<string, unknown>): SecurityEvent =>
  ({ '@timestamp': '2025-01-01T00:00:00.000Z', event: { kind: 'event' }, ...fields }) as SecurityEvent;

describe('compileGroupKey', () => {
  const byUser = compileGroupKey(['user.name']);
  const byUserAndIp = compileGroupKey(['user.name', 'source.ip']);

  it('groups by the value of the field', () => {
    expect(byUser.keyOf(event({ user: { name: 'alice' } }))).toBe('alice');
    const key = byUserAndIp.keyOf(event({ user: { name: 'bob' }, source: { ip: '203.0.113.9' } }));
    expect(key).toBeDefined();
    expect(byUserAndIp.groupOf(key as string)).toEqual({ 'user.name': 'bob', 'source.ip': '203.0.113.9' });
  });

  it.each([[''], ['-'], ['   ']])('forms no group from the empty value %j', (name) => {
    expect(byUser.keyOf(event({ user: { name } }))).toBeUndefined();
    expect(byUserAndIp.keyOf(event({ user: { name }, source: { ip: '203.0.113.9' } }))).toBeUndefined();
  });

  it('forms no group when the field is missing', () => {
    expect(byUser.keyOf(event({ source: { ip: '203.0.113.9' } }))).toBeUndefined();
  });
});
