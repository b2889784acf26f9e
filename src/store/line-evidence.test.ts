import { describe, expect, it } from 'vitest';
import { useStoreUrls, writeThenRead } from '../../test/support/store-urls.ts';
import { LineEvidence } from '../core/index.ts';
import type { Incident, ParseEvidenceLine, SecurityEvent } from '../core/index.ts';
import { newIncident, progressOf, REAL_LINES, REAL_SAMPLES } from './contract/fixtures.ts';
import type { StoreOperations } from './store.ts';

const [lineOne, lineTwo] = REAL_LINES as [string, string];
const [one, two, three] = REAL_SAMPLES as [SecurityEvent, SecurityEvent, SecurityEvent];

/** A format whose lines are JSON documents, the whole event each line parses to. */
const parse: ParseEvidenceLine = (format, line) =>
  format === 'json-lines' ? (JSON.parse(line) as SecurityEvent) : undefined;

/** What the writer stored beside the line: the fields it needed before the line is read back. */
const BESIDE = { source: { ip: '203.0.113.9' } };

function asLine(line: string, whole: SecurityEvent, format = 'json-lines'): LineEvidence {
  return new LineEvidence(format, line, whole['@timestamp'], BESIDE);
}

/** An incident with line evidence beside a whole event, updated to line evidence of another format. */
async function exercise(ops: StoreOperations): Promise<(Incident | undefined)[]> {
  const opening = newIncident({ episodeId: 'a', samples: [asLine(lineOne, one), three] });
  await ops.incidents.expectOpens([opening]);
  const seen: (Incident | undefined)[] = [await ops.incidents.open(opening)];
  const unknown = asLine(lineTwo, two, 'no-such-format');
  seen.push(
    await ops.incidents.progress('a', progressOf(6, 6_000, { samples: [asLine(lineTwo, two), unknown] })),
  );
  return seen;
}

describe('evidence stored as its line', () => {
  const storeUrl = useStoreUrls('klaxon-line-evidence-');

  it.each([
    ['sqlite', true],
    ['sqlite', false],
    ['postgres', true],
    ['postgres', false],
  ] as const)('on %s (in one transaction: %s), is parsed whole when read', async (dialect, inOne) => {
    const url = await storeUrl(dialect, `whole${String(inOne)}`);
    const { returned, stored, rows } = await writeThenRead(url, exercise, inOne, { evidence: parse });
    const fallback = { ...BESIDE, '@timestamp': two['@timestamp'], event: { original: lineTwo } };
    expect(returned[0]?.samples).toEqual([one, three]);
    expect(returned[1]?.samples).toEqual([two, fallback]);
    expect(stored[0]?.samples).toEqual([two, fallback]);
    // The row holds the line, not the fields parsed from it.
    const json = (rows[0] as { samples_json: string }).samples_json;
    expect(JSON.parse(json)).toEqual([
      ['line', 'json-lines', lineTwo, two['@timestamp'], BESIDE],
      ['line', 'no-such-format', lineTwo, two['@timestamp'], BESIDE],
    ]);
  });

  it.each(['sqlite', 'postgres'] as const)(
    'on %s, read by a store opened without a parser, is its line, time and the fields stored beside it',
    async (dialect) => {
      const url = await storeUrl(dialect, 'bare');
      const { stored } = await writeThenRead(url, exercise, true, { evidence: parse });
      const { stored: bare } = await writeThenRead(url, async () => undefined, false);
      expect(stored).toHaveLength(1);
      expect(bare[0]?.samples[0]).toEqual({
        ...BESIDE,
        '@timestamp': two['@timestamp'],
        event: { original: lineTwo },
      });
    },
  );
});
