import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { SecurityEvent } from '../../../core/index.ts';
import type { ParserDefinition } from '../../parser.ts';
import { windowsParser } from '../index.ts';

/** Runs one line through a fresh parser and returns the single event it must emit. */
export function parseOne(parser: ParserDefinition, line: string): SecurityEvent {
  const events: SecurityEvent[] = [];
  const reason = parser.create({}).parseLine(line, (event) => events.push(event));
  expect(reason).toBeNull();
  expect(events).toHaveLength(1);
  return events[0] as SecurityEvent;
}

export const parseWindows = (doc: unknown) => parseOne(windowsParser, JSON.stringify(doc));

/** A Winlogbeat document as the beat writes it, before any ECS mapping. */
export function securityEvent(
  code: string,
  eventData: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return {
    '@timestamp': '2024-05-01T03:47:22.118Z',
    event: { code, kind: 'event', provider: 'Microsoft-Windows-Security-Auditing' } as Record<string, unknown>,
    winlog: { channel: 'Security', event_id: code, event_data: eventData },
    ...extra,
  };
}

export const readFixture = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');

/** A pretty-printed JSON fixture as one NDJSON line. */
export const fixtureLine = (name: string) => JSON.stringify(JSON.parse(readFixture(name)));
