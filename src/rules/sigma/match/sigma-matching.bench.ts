import { bench, describe } from 'vitest';
import type { SecurityEvent } from '../../../core/index.ts';
import type { EventPredicate } from '../../model.ts';
import { compileWhere } from '../../where/compile-where.ts';
import { compileSigmaCollection } from '../compile-collection.ts';
import { parseSigmaText } from '../parse-sigma-text.ts';

// Run with `npx vitest bench --run src/rules/sigma`. 300 process-creation rules of the usual
// SigmaHQ shape against Klaxon `where` filters testing the same values (one source only), over
// Sysmon 1 and Security 4688 events that none of them match: the cost of running Sigma natively.
const RULES = 300;

function sigmaRule(i: number): string {
  return [
    `title: rule ${i}`,
    'logsource: {product: windows, category: process_creation}',
    'detection:',
    '  selection_img:',
    `    - Image|endswith: ['\\\\tool${i}.exe', '\\\\other${i}.exe']`,
    `    - OriginalFileName: 'tool${i}.exe'`,
    `  selection_cli:`,
    `    CommandLine|contains: [' -enc${i}', ' -nop${i}', 'bypass${i}', 'hidden${i}']`,
    `  filter:`,
    `    ParentImage|startswith: 'C:\\\\Windows\\\\System32\\\\'`,
    '  condition: all of selection_* and not filter',
  ].join('\n');
}

const sigma: EventPredicate[] = compileSigmaCollection(
  parseSigmaText(Array.from({ length: RULES }, (_, i) => sigmaRule(i)).join('\n---\n'), 'bench.yml'),
).rules.map((rule) => rule.matches);

const where: EventPredicate[] = Array.from(
  { length: RULES },
  (_, i) =>
    compileWhere(
      {
        'winlog.channel': 'Security',
        'event.code': 4688,
        'winlog.event_data.NewProcessName|endswith': [`\\tool${i}.exe`, `\\other${i}.exe`],
        'winlog.event_data.CommandLine|contains': [` -enc${i}`, ` -nop${i}`, `bypass${i}`, `hidden${i}`],
      },
      { file: 'bench' },
    ).predicate,
);

const events: SecurityEvent[] = Array.from({ length: 200 }, (_, i) => {
  const image = `C:\\Program Files\\x\\prog${i % 50}.exe`;
  const security = i % 2 === 1;
  return {
    '@timestamp': '2024-03-01T10:00:00.000Z',
    event: {
      code: security ? '4688' : '1',
      provider: security ? 'Microsoft-Windows-Security-Auditing' : 'Microsoft-Windows-Sysmon',
    },
    winlog: {
      channel: security ? 'Security' : 'Microsoft-Windows-Sysmon/Operational',
      event_data: {
        NewProcessName: image,
        Image: image,
        CommandLine: `"${image}" -R something long here ${i}`,
        ParentImage: 'C:\\Windows\\explorer.exe',
      },
    },
  };
});

function runAll(predicates: readonly EventPredicate[]): number {
  let matched = 0;
  for (const event of events) for (const predicate of predicates) if (predicate(event)) matched++;
  return matched;
}

describe(`${RULES} rules × ${events.length} events`, () => {
  bench('Sigma rules (both process-creation sources)', () => void runAll(sigma));
  bench('Klaxon where filters (Security 4688 only)', () => void runAll(where));
});
