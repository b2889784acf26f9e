import { describe, expect, it } from 'vitest';
import { windowsParser } from './index.ts';
import { fixtureLine } from './testdata/windows-events.ts';

describe('windowsParser.sniff', () => {
  it('scores Winlogbeat documents in every shape at 0.95', () => {
    expect(windowsParser.sniff([fixtureLine('winlogbeat-raw-4625.json')])).toBeCloseTo(0.95);
    expect(windowsParser.sniff([fixtureLine('winlogbeat-dotted-4771.json')])).toBeCloseTo(0.95);
    expect(windowsParser.sniff([fixtureLine('winlogbeat-indexed-4625-hit.json')])).toBeCloseTo(0.95);
    expect(
      windowsParser.sniff([
        '{"@timestamp":"2024-05-01T10:00:00Z","event":{"provider":"Microsoft-Windows-Security-Auditing"}}',
      ]),
    ).toBeCloseTo(0.95);
  });

  it('claims a JSON input with at least one Windows document, scaled by how much of it is JSON', () => {
    const app = '{"@timestamp":"2024-05-01T10:00:00Z","event":{"action":"login"}}';
    expect(windowsParser.sniff([app, app, fixtureLine('winlogbeat-raw-4625.json')])).toBeCloseTo(0.95);
    expect(windowsParser.sniff([fixtureLine('winlogbeat-raw-4625.json'), 'not json'])).toBeCloseTo(0.475);
  });

  it('scores 0 for JSON without Windows documents and for text', () => {
    expect(windowsParser.sniff(['{"@timestamp":"2024-05-01T10:00:00Z","event":{"action":"login"}}'])).toBe(0);
    expect(
      windowsParser.sniff([
        'Mar 27 10:15:02 host sshd[1]: Failed password for root from 1.2.3.4 port 22 ssh2',
      ]),
    ).toBe(0);
    expect(windowsParser.sniff([])).toBe(0);
  });
});
