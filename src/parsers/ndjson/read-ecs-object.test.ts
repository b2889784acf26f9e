import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { JSON_LIMITS } from '../../core/index.ts';
import { readEcsDocument } from './read-ecs-document.ts';
import { readEcsObject } from './read-ecs-object.ts';

const fixture = readFileSync(new URL('./testdata/app-events.ndjson', import.meta.url), 'utf8').split('\n');

function readOk(document: Record<string, unknown>): SecurityEvent {
  const result = readEcsObject(document);
  if (typeof result === 'string') throw new Error(`skipped: ${result}`);
  return result;
}

describe('readEcsObject', () => {
  it('skips a hit nested deeper than the limit as too-deep instead of overflowing the stack', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 100_000; i++) deep = { 'a.b': deep };
    const hit = { _index: 'logs', _id: '1', _source: { '@timestamp': '2024-05-01T10:00:03Z', x: deep } };
    expect(readEcsObject(hit)).toBe('too-deep');
    const long = {
      _source: { '@timestamp': '2024-05-01T10:00:03Z', pad: 'x'.repeat(JSON_LIMITS.maxLength) },
    };
    expect(readEcsObject(long)).toBe('too-long');
  });

  it('unwraps a hit, keeps _index/_id under klaxon.hit and sets event.original to the JSON of _source', () => {
    const source = {
      '@timestamp': '2024-05-01T10:00:03Z',
      'event.action': 'logon-failed',
      'source.ip': '203.0.113.9',
    };
    const sourceText = JSON.stringify(source);
    const event = readOk({
      _index: 'winlogbeat-8.13.0',
      _id: 'Xy12',
      _score: null,
      _source: source,
      sort: [1],
    });
    expect(event).toEqual({
      '@timestamp': '2024-05-01T10:00:03.000Z',
      event: { action: 'logon-failed', original: sourceText },
      source: { ip: '203.0.113.9' },
      klaxon: { hit: { index: 'winlogbeat-8.13.0', id: 'Xy12' } },
    });
  });

  it('reads a bare document, with its own JSON as event.original', () => {
    const document = { '@timestamp': 1714557602000, user: { name: 'carol' } };
    const text = JSON.stringify(document);
    expect(readOk(document)).toEqual({
      '@timestamp': '2024-05-01T10:00:02.000Z',
      user: { name: 'carol' },
      event: { original: text },
    });
  });

  it('keeps an event.original the document has, nested or dotted', () => {
    expect(
      readOk({ _source: { '@timestamp': '2024-05-01T10:00:00Z', event: { original: 'raw' } } }).event,
    ).toEqual({
      original: 'raw',
    });
    expect(
      readOk({ '@timestamp': '2024-05-01T10:00:00Z', 'event.original': 'raw', event: { code: '4625' } })
        .event,
    ).toEqual({ code: '4625', original: 'raw' });
  });

  it('gives the same event as readEcsDocument for every usable fixture line, but for event.original', () => {
    for (const line of fixture) {
      const fromLine = readEcsDocument(line);
      if (typeof fromLine === 'string') continue;
      const fromObject = readOk(JSON.parse(line) as Record<string, unknown>);
      const { original: a, ...lineEvent } = fromLine.event;
      const { original: b, ...objectEvent } = fromObject.event;
      expect({ ...fromObject, event: objectEvent }).toEqual({ ...fromLine, event: lineEvent });
      expect(typeof a === 'string' && typeof b === 'string').toBe(true);
    }
  });

  it('says why a document is skipped', () => {
    expect(readEcsObject({ event: { action: 'login' } })).toBe('missing-timestamp');
    expect(readEcsObject({ _source: { '@timestamp': 'yesterday' } })).toBe('invalid-timestamp');
  });
});
