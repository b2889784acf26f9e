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

describe('compileGroupKey with aliases', () => {
  // One address, named destination.ip by the server error and source.ip by the connection.
  const isError = (e: SecurityEvent) => (e.http as { status?: number } | undefined)?.status === 500;
  const isConnection = (e: SecurityEvent) => e.event.kind === 'connection';
  const reader = compileGroupKey(
    ['internal_ip'],
    [
      { matches: isError, fields: ['destination.ip'] },
      { matches: isConnection, fields: ['source.ip'] },
    ],
  );

  it('reads the group from the alias of the first predicate the event matches', () => {
    const error = event({
      http: { status: 500 },
      destination: { ip: '10.0.0.5' },
      source: { ip: '1.2.3.4' },
    });
    const connection = {
      ...event({ source: { ip: '10.0.0.5' } }),
      event: { kind: 'connection' },
    } as SecurityEvent;
    expect(reader.keyOf(error)).toBe('10.0.0.5');
    expect(reader.keyOf(connection)).toBe('10.0.0.5');
    expect(reader.groupOf('10.0.0.5')).toEqual({ internal_ip: '10.0.0.5' });
  });

  it('falls back to the plain field names for events no alias covers', () => {
    expect(reader.keyOf(event({ internal_ip: '10.0.0.7' }))).toBe('10.0.0.7');
    expect(reader.keyOf(event({ source: { ip: '10.0.0.5' } }))).toBeUndefined();
  });
});
