import type { SecurityEvent } from '../../../core/index.ts';
import type { EventPredicate } from '../../model.ts';
import { compileSigmaCollection } from '../compile-collection.ts';
import { parseSigmaText } from '../parse-sigma-text.ts';
import type { SigmaOptions, SigmaRefusal } from '../types.ts';

/** A Sigma rule around a `detection` block (indented YAML lines), for a log source. */
export function sigmaText(detection: string, logsource = 'product: windows\n  service: security'): string {
  return [
    'title: test rule',
    'id: 00000000-0000-4000-8000-000000000001',
    'logsource:',
    `  ${logsource}`,
    'detection:',
    ...detection.trim().split('\n').map((line) => `  ${line}`),
  ].join('\n');
}

/** Compiles one rule; throws with the refusal when it does not load. */
export function compileDetectionText(
  detection: string,
  options: SigmaOptions & { logsource?: string } = {},
): EventPredicate {
  const { rules, refused } = compileSigmaCollection(
    parseSigmaText(sigmaText(detection, options.logsource), 'test.yml'),
    options,
  );
  if (refused.length > 0) throw new Error(refused.map((refusal) => refusal.reason).join('; '));
  return (rules[0] as { matches: EventPredicate }).matches;
}

/** The refusal of a rule that must not load. */
export function refusalOf(detection: string, options: SigmaOptions & { logsource?: string } = {}): SigmaRefusal {
  const { refused } = compileSigmaCollection(
    parseSigmaText(sigmaText(detection, options.logsource), 'test.yml'),
    options,
  );
  if (refused.length !== 1) throw new Error('expected the rule to be refused');
  return refused[0] as SigmaRefusal;
}

/** A Winlogbeat Security-channel document with the given event id and event data. */
export function securityEvent(code: number, data: Record<string, unknown>, extra: Record<string, unknown> = {}): SecurityEvent {
  return {
    '@timestamp': '2024-03-01T10:00:00.000Z',
    event: { code: String(code), provider: 'Microsoft-Windows-Security-Auditing' },
    winlog: { channel: 'Security', event_id: String(code), event_data: data },
    ...extra,
  };
}
