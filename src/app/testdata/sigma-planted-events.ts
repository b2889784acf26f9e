import type { Rule } from '../../rules/index.ts';

const START = Date.UTC(2025, 0, 6, 8);
const SYSMON = { channel: 'Microsoft-Windows-Sysmon/Operational', provider: 'Microsoft-Windows-Sysmon' };
const SECURITY = { channel: 'Security', provider: 'Microsoft-Windows-Security-Auditing' };
const SYSTEM = { channel: 'System', provider: 'Service Control Manager' };
const POWERSHELL = { channel: 'Microsoft-Windows-PowerShell/Operational', provider: 'Microsoft-Windows-PowerShell' };

/** The channels an event id is written to, as far as these tests need. */
function sourcesOf(code: string): (typeof SYSMON)[] {
  const id = Number(code);
  if (code === '4103' || code === '4104') return [POWERSHELL];
  return id < 256 ? [SYSMON] : [SECURITY, SYSTEM];
}

/**
 * Winlogbeat documents that hold each rule's literals (see LiteralGate) in the fields the rule
 * reads, for each event id it may match and the channels of that id, so that most rules fire: the
 * first literal of each gate in the event data, all of them (space-separated) in the event data,
 * and the first in the ECS fields Winlogbeat's modules fill.
 */
export function plantedEvents(rules: readonly Rule[]): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = [];
  for (const rule of rules) {
    if (rule.literals === undefined) continue;
    const first: Record<string, string> = { User: 'CORP\\alice' };
    const joined: Record<string, string> = { User: 'CORP\\alice' };
    const ecs: Record<string, unknown> = {};
    for (const gate of rule.literals) {
      const field = gate.fields.find((path) => path.startsWith(EVENT_DATA));
      if (field !== undefined) {
        first[field.slice(EVENT_DATA.length)] = gate.values[0] as string;
        joined[field.slice(EVENT_DATA.length)] = gate.values.join(' ');
      }
      const other = gate.fields.find((path) => path.includes('.') && !path.startsWith('winlog.'));
      if (other !== undefined) setPath(ecs, other.split('.'), gate.values[0] as string);
    }
    const codes = rule.prefilter?.field === 'event.code' ? rule.prefilter.values : ['1'];
    for (const code of codes)
      for (const source of sourcesOf(code))
        for (const [data, extra] of [[first, {}], [joined, {}], [{}, ecs]] as const)
          docs.push({ ...extra, ...winlogbeat(docs.length, code, source, data) });
  }
  return docs;
}

const EVENT_DATA = 'winlog.event_data.';

function setPath(into: Record<string, unknown>, path: string[], value: string): void {
  let node = into;
  for (const step of path.slice(0, -1)) {
    const next = node[step];
    node = (node[step] = typeof next === 'object' && next !== null ? next : {}) as Record<string, unknown>;
  }
  node[path.at(-1) as string] = value;
}

function winlogbeat(
  n: number,
  code: string,
  source: typeof SYSMON,
  data: Readonly<Record<string, string>>,
): Record<string, unknown> {
  return {
    '@timestamp': new Date(START + n * 1_000).toISOString(),
    event: { code, provider: source.provider, kind: 'event' },
    host: { name: `ws-${n % 7}` },
    winlog: {
      channel: source.channel,
      event_id: code,
      provider_name: source.provider,
      computer_name: `ws-${n % 7}`,
      event_data: { ...data },
    },
  };
}

const ODD_VALUES: readonly ((value: string) => unknown)[] = [
  () => 4104,
  (value) => [value, 'x'],
  (value) => ({ nested: value }),
  () => null,
  () => true,
];

/**
 * Hostile shapes of one document line (the `i`th): cut short; its event data as numbers, lists,
 * objects, null; `__proto__`, `constructor`, `toString` keys; a very long value; dotted keys and
 * escapes. Whole and selective reads must count, skip and match them alike.
 */
export function hostileVariants(line: string, i: number): string[] {
  const doc = JSON.parse(line) as { winlog?: { event_data?: Record<string, unknown> } };
  const data = doc.winlog?.event_data ?? {};
  const first = String(Object.values(data)[0] ?? 'mimikatz');
  switch (i % 5) {
    case 0:
      return [line.slice(0, Math.floor(line.length / 2))];
    case 1: {
      const keys = Object.keys(data);
      keys.forEach((key, at) => (data[key] = (ODD_VALUES[at % ODD_VALUES.length] as (v: string) => unknown)(String(data[key]))));
      return [JSON.stringify(doc)];
    }
    case 2: {
      const inject = `"__proto__":{"CommandLine":${JSON.stringify(first)}},"constructor":${JSON.stringify(first)},"toString":"x",`;
      return [line.replace('"event_data":{', `"event_data":{${inject}`), line.replace('{', '{"__proto__":{"winlog":1},')];
    }
    case 3:
      for (const key of Object.keys(data)) data[key] = `${String(data[key])}${'A'.repeat(20_000)}`;
      return [JSON.stringify(doc)];
    default: {
      const dotted = `"winlog.event_data.Image":${JSON.stringify(first)},"process.command_line":"\\u0000\\"${first}",`;
      return [line.replace('{', `{${dotted}`)];
    }
  }
}
