import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { readEcsDocument } from './read-ecs-document.ts';

const fixture = readFileSync(new URL('./testdata/app-events.ndjson', import.meta.url), 'utf8').split('\n');

function readOk(line: string): SecurityEvent {
  const result = readEcsDocument(line);
  if (typeof result === 'string') throw new Error(`skipped: ${result}`);
  return result;
}

describe('readEcsDocument', () => {
  it('reads a nested ECS document and keeps the raw line as event.original', () => {
    const line = fixture[0] as string;
    expect(readOk(line)).toEqual({
      '@timestamp': '2024-05-01T10:00:00.000Z',
      event: { action: 'login', outcome: 'failure', category: ['authentication'], original: line },
      user: { name: 'alice' },
      source: { ip: '198.51.100.7' },
      service: { name: 'shop-api' },
    });
  });

  it('reads dotted keys the same way as nested ones', () => {
    const event = readOk(fixture[1] as string);
    expect(event.event.action).toBe('login');
    expect(event.event.outcome).toBe('failure');
    expect(event.user).toEqual({ name: 'bob' });
    expect(event.source).toEqual({ ip: '198.51.100.7' });
    expect(event['user.name']).toBeUndefined();
  });

  it('reads a mix of dotted and nested keys and epoch milliseconds', () => {
    const event = readOk(fixture[2] as string);
    expect(event['@timestamp']).toBe('2024-05-01T10:00:02.000Z');
    expect(event.event).toMatchObject({ action: 'login', outcome: 'success' });
    expect(event.source).toEqual({ ip: '203.0.113.9' });
  });

  it('unwraps a search hit to its _source and keeps _index and _id under klaxon.hit', () => {
    const event = readOk(fixture[4] as string);
    expect(event['@timestamp']).toBe('2024-05-01T10:00:03.000Z');
    expect(event.user).toEqual({ name: 'dave' });
    expect(event.klaxon).toEqual({ hit: { index: 'logs-app-default', id: 'abc123' } });
    expect(event._source).toBeUndefined();
  });

  it('keeps an event.original the document already has', () => {
    expect(readOk(fixture[4] as string).event.original).toBe('raw upstream text');
  });

  it('creates the event object when the document has none', () => {
    const line = fixture[5] as string;
    expect(readOk(line).event).toEqual({ original: line });
  });

  it('skips each kind of unusable line with its reason', () => {
    expect(readEcsDocument(fixture[3] as string)).toBe('blank');
    expect(readEcsDocument('   \t\r')).toBe('blank');
    expect(readEcsDocument(fixture[6] as string)).toBe('invalid-json');
    expect(readEcsDocument('{"@timestamp": "2024-05-01T10:00:00Z",')).toBe('invalid-json');
    expect(readEcsDocument(fixture[7] as string)).toBe('not-an-object');
    expect(readEcsDocument('"text"')).toBe('not-an-object');
    expect(readEcsDocument('null')).toBe('not-an-object');
    expect(readEcsDocument(fixture[8] as string)).toBe('missing-timestamp');
    expect(readEcsDocument(fixture[9] as string)).toBe('invalid-timestamp');
  });

  it('reads a first line that starts with a byte order mark', () => {
    const event = readOk(`\uFEFF${fixture[0] as string}`);
    expect(event.user).toEqual({ name: 'alice' });
    expect(event.event.original).toBe(fixture[0]);
  });

  it('accepts a line ending in CR (a CRLF file split on LF)', () => {
    expect(readOk(`${fixture[0] as string}\r`).user).toEqual({ name: 'alice' });
  });
});
