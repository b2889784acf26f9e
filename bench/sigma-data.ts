// Inputs of the Sigma bench, written by us: Sysmon process creations as Winlogbeat ships them,
// and, when no SigmaHQ folder is given, a synthetic rule set of SigmaHQ's most common shape
// (process_creation, Image endswith / CommandLine contains literals, some filters, a few regexes).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createRandom } from '../src/demo/prng.ts';

const prng = (seed: number): (() => number) => createRandom(seed).next;

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
const WORDS = [
  'update',
  'install',
  'config',
  'report',
  'sync',
  'backup',
  'service',
  'client',
  'agent',
  'task',
];
const SYSTEM = [
  'svchost',
  'conhost',
  'explorer',
  'chrome',
  'msedge',
  'teams',
  'outlook',
  'powershell',
  'cmd',
  'code',
];

/** `count` Sysmon event 1 documents, one a line; about one in a thousand runs a benchmark tool. */
export async function writeProcessEvents(path: string, count: number, seed = 7): Promise<void> {
  const random = prng(seed);
  const out = createWriteStream(path);
  const start = Date.UTC(2025, 0, 6, 8, 0, 0);
  for (let i = 0; i < count; i++) {
    const tool = random() < 0.001 ? `tool${Math.floor(random() * 2000)}` : pick(random, SYSTEM);
    const dir = pick(random, [
      'C:\\Windows\\System32',
      'C:\\Program Files\\App',
      'C:\\Users\\alice\\AppData\\Local\\Temp',
    ]);
    const commandLine = `${tool}.exe --${pick(random, WORDS)} ${pick(random, WORDS)}-${Math.floor(random() * 100)} /q`;
    const doc = {
      '@timestamp': new Date(start + i * 50).toISOString(),
      event: { code: '1', provider: 'Microsoft-Windows-Sysmon', kind: 'event' },
      host: { name: `ws-${i % 40}` },
      winlog: {
        channel: 'Microsoft-Windows-Sysmon/Operational',
        event_id: '1',
        provider_name: 'Microsoft-Windows-Sysmon',
        computer_name: `ws-${i % 40}`,
        event_data: {
          Image: `${dir}\\${tool}.exe`,
          CommandLine: commandLine,
          ParentImage: 'C:\\Windows\\explorer.exe',
          User: `CORP\\user${i % 300}`,
          OriginalFileName: `${tool}.exe`,
        },
      },
    };
    if (!out.write(`${JSON.stringify(doc)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** `count` Sigma process_creation rules in one multi-document text. */
export function syntheticSigmaRules(count: number, seed = 11): string {
  const random = prng(seed);
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const flag = `-${pick(random, WORDS)}${i}`;
    const shape = random();
    const detection =
      shape < 0.05
        ? `  selection: { CommandLine|re: '(?i)tool${i}\\.exe\\s+-+${pick(random, WORDS)}[0-9]{2,}' }\n  condition: selection`
        : shape < 0.5
          ? `  selection_img:\n    - Image|endswith: '\\\\tool${i}.exe'\n    - OriginalFileName: 'tool${i}.exe'\n  selection_cli: { CommandLine|contains: ['${flag} ', '/${flag.slice(1)} '] }\n  condition: all of selection_*`
          : `  selection: { Image|endswith: ['\\\\tool${i}.exe', '\\\\${pick(random, WORDS)}-tool${i}.exe'] }\n  filter: { CommandLine|contains: 'safe-mode' }\n  condition: selection and not filter`;
    docs.push(
      `title: Synthetic tool ${i}\nid: ${id}\nstatus: test\nlogsource: { category: process_creation, product: windows }\ndetection:\n${detection}\nlevel: medium\n`,
    );
  }
  return docs.join('---\n');
}
