import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from './event.ts';
import { LineEvidence, readStoredSample } from './line-evidence.ts';
import type { ParseEvidenceLine } from './line-evidence.ts';

const LINE =
  '{"@timestamp":"2024-03-04T00:00:02.000Z","source":{"ip":"198.51.100.7","port":22},"note":"a \\"quoted\\" word"}';
const parsed: string[] = [];
const parse: ParseEvidenceLine = (format, line) => {
  parsed.push(`${format}:${line.length}`);
  return format === 'json'
    ? { ...(JSON.parse(line) as SecurityEvent), event: { original: line } }
    : undefined;
};

/** A sample as the store reads it back: written as JSON, parsed, then read. */
function roundTrip(sample: unknown, reader?: ParseEvidenceLine): SecurityEvent {
  return readStoredSample(JSON.parse(JSON.stringify(sample)), reader);
}

describe('evidence stored as its line', () => {
  const evidence = new LineEvidence('json', LINE, '2024-03-04T00:00:02.000Z', {
    source: { ip: '198.51.100.7' },
  });

  it('is, in memory, an event with its time, line and the fields given', () => {
    expect({ ...evidence }).toEqual({
      '@timestamp': '2024-03-04T00:00:02.000Z',
      event: { original: LINE },
      source: { ip: '198.51.100.7' },
    });
  });

  it('reads back as the whole event its line parses to', () => {
    expect(roundTrip(evidence, parse)).toEqual({
      ...(JSON.parse(LINE) as object),
      event: { original: LINE },
    });
  });

  it('reads back as its time, line and fields without a parser, or when the line no longer parses', () => {
    const bare = {
      source: { ip: '198.51.100.7' },
      '@timestamp': '2024-03-04T00:00:02.000Z',
      event: { original: LINE },
    };
    expect(roundTrip(evidence)).toEqual(bare);
    expect(roundTrip(new LineEvidence('other', LINE, bare['@timestamp'], bare), parse)).toEqual(bare);
  });

  it('cannot be forged by an event: only its own array form is parsed again', () => {
    parsed.length = 0;
    const lookalikes: unknown[] = [
      // An attacker's document may hold any fields, even those of the array form.
      {
        0: 'line',
        1: 'json',
        2: LINE,
        3: '2024-03-04T00:00:02.000Z',
        4: {},
        length: 5,
        event: { original: 'x' },
      },
      { '@timestamp': '2024-03-04T00:00:02.000Z', event: { original: LINE }, format: 'json' },
      ['line', 'json', LINE, '2024-03-04T00:00:02.000Z'],
      ['line', 'json', LINE, '2024-03-04T00:00:02.000Z', {}, 'extra'],
      ['line', 'json', LINE, 7, {}],
      ['line', 'json', LINE, '2024-03-04T00:00:02.000Z', null],
      ['line', 'json', LINE, '2024-03-04T00:00:02.000Z', []],
      ['LINE', 'json', LINE, '2024-03-04T00:00:02.000Z', {}],
    ];
    for (const sample of lookalikes) expect(roundTrip(sample, parse)).toEqual(sample);
    expect(parsed).toEqual([]);
  });
});
