import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetUrl } from '../../../test/support/datasets.ts';
import { decodeEvtxBuffer } from './index.ts';

// Lab-recorded attack EVTX (EVTX-to-MITRE-Attack, CC0; see SOURCE.md beside them). jsonl/ holds the
// same records converted by Debian's python3-evtx 0.6.1 (shared/datasets/windows/evtx_to_jsonl.py):
// the reference this decoder is compared with, record by record.
const RAW = datasetUrl('windows/evtx-to-mitre-attack/raw/');
const JSONL = datasetUrl('windows/evtx-to-mitre-attack/jsonl/');

type Doc = Record<string, unknown>;
const obj = (value: unknown): Doc => (value ?? {}) as Doc;

function decodeFile(name: string): { docs: Doc[]; skipped: number } {
  const docs: Doc[] = [];
  let skipped = 0;
  for (const record of decodeEvtxBuffer(readFileSync(new URL(name, RAW)))) {
    if (record.kind === 'document') docs.push(record.document);
    else skipped++;
  }
  return { docs, skipped };
}

/**
 * What python-evtx's XML rendering and ElementTree do to a text on its way into the JSON lines:
 * control characters dropped, line ends normalised. Applied to our values, never to theirs.
 */
function asPythonSees(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  let kept = '';
  for (const char of text) if (!isRestricted(char.charCodeAt(0))) kept += char;
  return kept.replace(/\r\n?/g, '\n');
}

/** XML 1.1's restricted characters, which python-evtx drops (tab, line feed and return stay). */
function isRestricted(code: number): boolean {
  if (code >= 1 && code <= 0x1f) return code !== 9 && code !== 10 && code !== 13;
  return code >= 0x7f && code <= 0x9f && code !== 0x85;
}

/** The fields compared: those detection and the Windows mapping read. */
function comparable(doc: Doc): Doc {
  const event = obj(doc.event);
  const winlog = obj(doc.winlog);
  const data = Object.fromEntries(
    Object.entries(obj(winlog.event_data)).map(([k, v]) => [k, asPythonSees(v)]),
  );
  const userData = Object.fromEntries(
    Object.entries(obj(winlog.user_data)).map(([k, v]) => [k, asPythonSees(v)]),
  );
  return {
    '@timestamp': doc['@timestamp'],
    code: event.code,
    provider: event.provider,
    record_id: winlog.record_id,
    event_id: winlog.event_id,
    channel: winlog.channel,
    computer: winlog.computer_name,
    event_data: winlog.event_data === undefined ? undefined : data,
    user_data: winlog.user_data === undefined ? undefined : userData,
  };
}

const samples = readdirSync(JSONL).filter((name) => name.endsWith('.jsonl'));

describe('the .evtx decoder against python-evtx', () => {
  it('has the 12 converted samples to compare with', () => {
    expect(samples).toHaveLength(12);
  });

  it.each(samples)('decodes %s exactly as python-evtx does, record by record', (jsonl) => {
    const expected = readFileSync(new URL(jsonl, JSONL), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => comparable(JSON.parse(line) as Doc));
    const { docs, skipped } = decodeFile(jsonl.replace(/\.jsonl$/, '.evtx'));
    expect(skipped).toBe(0);
    expect(docs.map(comparable)).toEqual(expected);
  });

  it('reads the RdpCoreTS sample python-evtx and libevtx fail on (start elements without dependency ids)', () => {
    const { docs, skipped } = decodeFile('ID131-RDP_brutforce_no_user_info.evtx');
    expect(skipped).toBe(0);
    // The header's next record number is 155 (0x9b): records 1 to 154 were written.
    expect(docs).toHaveLength(154);
    for (const doc of docs) {
      expect(obj(doc.event).code).toBe('131');
      expect(obj(obj(doc.winlog).event_data).ClientIP).toMatch(/^10\.23\.123\.11:\d+$/);
      expect(doc['@timestamp']).toMatch(/^2021-12-16T\d\d:\d\d:\d\d\.\d{6}Z$/);
    }
    const ids = docs.map((doc) => obj(doc.winlog).record_id as number);
    expect(new Set(ids).size).toBe(154);
  });
});
