import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../core/index.ts';
import { decodeSnapshot, encodeSnapshot } from '../detection/index.ts';
import { restoreSavedLines } from './restore-saved-lines.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-saved-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const input = join(dir, 'in.ndjson');
const lines = ['{"a":"é"}', '{"b":2}'];
writeFileSync(input, `${lines.join('\n')}\n`);
const second = Buffer.byteLength(`${lines[0]}\n`);

describe('lines an engine snapshot names by where they are', () => {
  it('are read back where a snapshot holding them had them: as the line, or as event.original', () => {
    const snapshot = JSON.stringify({
      held: [
        { x: 1, '|format': 'ndjson', '|lineAt': [input, 0, second - 1] },
        { '|format': 'ndjson', event: { code: '1' }, '|lineAt': [input, second, 7], '|originalIsLine': true },
        { '@timestamp': 't', '|format': 'ndjson', '|lineAt': [input, second, 7], '|originalIsLine': true },
      ],
      $map: [[1, { $num: '-Infinity' }]],
    });
    expect(JSON.parse(restoreSavedLines(snapshot, [input]))).toEqual({
      held: [
        { x: 1, '|format': 'ndjson', '|line': lines[0] },
        { '|format': 'ndjson', event: { code: '1', original: lines[1] } },
        { '@timestamp': 't', '|format': 'ndjson', event: { original: lines[1] } },
      ],
      $map: [[1, { $num: '-Infinity' }]],
    });
  });

  it('leave a snapshot that names none as it is', () => {
    const snapshot = '{"held":[{"|format":"ndjson","|line":"{}"}]}';
    expect(restoreSavedLines(snapshot, [input])).toBe(snapshot);
  });

  it("leave an event's own data alone: a `|lineAt` without a format, a field named __proto__", () => {
    const own = '{"held":[{"|format":"ndjson","|lineAt":["' + input + '",0,' + String(second - 1) + '],';
    const snapshot = `${own}"data":{"|lineAt":["/etc/passwd",0,4]},"__proto__":{"|lineAt":[1]}}]}`;
    const restored = JSON.parse(restoreSavedLines(snapshot, [input])) as { held: Record<string, unknown>[] };
    const held = restored.held[0] as Record<string, unknown>;
    expect(held['|line']).toBe(lines[0]);
    expect(held.data).toEqual({ '|lineAt': ['/etc/passwd', 0, 4] });
    expect(Object.hasOwn(held, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(held)).toBe(Object.prototype);
  });

  it("leave an event's own fields named like the markers alone, as the snapshot encoder escapes them", () => {
    const hostile = { '|format': 'ndjson', '|lineAt': [input, 0, 10_000], user: 'x' };
    const snapshot = encodeSnapshot({ held: [hostile] });
    const restored = restoreSavedLines(snapshot, [input]);
    expect(decodeSnapshot(restored)).toEqual({ held: [hostile] });
  });

  it.each([
    ['a file that is not an input', ['/etc/passwd', 0, 4], /not one of its inputs/],
    ['no file', [7, 0, 4], /not one of its inputs/],
    ['a negative first byte', [input, -1, 4], /no line/],
    ['a length that is no count', [input, 0, 'x'], /no line/],
    ['a line beyond the end of the file', [input, 0, 10_000], /changed/],
  ])('refuse, with a clear error, %s', (_what, at, message) => {
    const snapshot = JSON.stringify({ held: [{ '|format': 'ndjson', '|lineAt': at }] });
    expect(() => restoreSavedLines(snapshot, [input])).toThrow(InputError);
    expect(() => restoreSavedLines(snapshot, [input])).toThrow(message);
  });
});
