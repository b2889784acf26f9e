import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { JSON_LIMITS } from '../../core/index.ts';
import { ndjsonParser } from './index.ts';

const lines = readFileSync(new URL('./testdata/app-events.ndjson', import.meta.url), 'utf8').split('\n');

describe('ndjsonParser', () => {
  it('emits one event per usable line and returns the skip reason of the others', () => {
    const parser = ndjsonParser.create({});
    const events: SecurityEvent[] = [];
    const reasons = lines.map((line) => parser.parseLine(line, (event) => events.push(event)));
    expect(events.map((event) => event.user)).toEqual([
      { name: 'alice' },
      { name: 'bob' },
      { name: 'carol' },
      { name: 'dave' },
      undefined,
    ]);
    expect(reasons.filter((reason) => reason !== null)).toEqual([
      'blank',
      'invalid-json',
      'not-an-object',
      'missing-timestamp',
      'invalid-timestamp',
      'blank', // the file's final newline
    ]);
    expect(parser.notes()).toEqual([]);
  });

  it('skips a 100,000-deep line as too-deep and a line over the size limit as too-long', () => {
    const parser = ndjsonParser.create({});
    const events: SecurityEvent[] = [];
    const emit = (event: SecurityEvent) => events.push(event);
    const deep =
      '{"@timestamp":"2024-05-01T10:00:00Z","x":' + '{"a.b":'.repeat(100_000) + '1' + '}'.repeat(100_001);
    expect(parser.parseLine(deep, emit)).toBe('too-deep');
    const long = JSON.stringify({
      '@timestamp': '2024-05-01T10:00:00Z',
      pad: 'x'.repeat(JSON_LIMITS.maxLength),
    });
    expect(parser.parseLine(long, emit)).toBe('too-long');
    expect(parser.parseLine(lines[0] as string, emit)).toBeNull();
    expect(events).toHaveLength(1);
    expect(ndjsonParser.sniff([deep])).toBe(0);
  });

  it('sniffs JSON objects at 0.9 and other text at 0', () => {
    expect(ndjsonParser.sniff([lines[0] as string, lines[1] as string])).toBeCloseTo(0.9);
    expect(ndjsonParser.sniff(['Mar 27 10:15:02 host sshd[1]: Failed password for root'])).toBe(0);
    expect(ndjsonParser.sniff([lines[0] as string, 'not json'])).toBeCloseTo(0.45);
    expect(ndjsonParser.sniff([])).toBe(0);
  });
});
