/**
 * A strict parser of the Prometheus text exposition format (version 0.0.4), for tests: every
 * line must be a HELP, a TYPE, a comment or a sample of a family declared before it, and any
 * other line is an error naming its number.
 */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  type?: MetricType;
  help?: string;
  samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const META = new RegExp(`^# (HELP|TYPE) (${NAME})(?: (.*))?$`);
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const TYPES = new Set<MetricType>(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES: Record<MetricType, string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

export function parsePrometheusText(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [index, line] of lines.entries()) {
    const fail = (why: string): never => {
      throw new Error(`line ${index + 1}: ${why}: ${line}`);
    };
    if (line === '' || (line.startsWith('#') && !META.test(line))) continue;
    const meta = META.exec(line);
    if (meta) {
      const [, kind, name, rest = ''] = meta as unknown as [string, string, string, string?];
      const family = families.get(name) ?? { name, samples: [] };
      families.set(name, family);
      if (kind === 'HELP') {
        if (family.help !== undefined) fail('second HELP');
        family.help = rest;
      } else {
        if (family.type !== undefined) fail('second TYPE');
        if (family.samples.length > 0) fail('TYPE after samples');
        if (!TYPES.has(rest as MetricType)) fail(`unknown type ${rest}`);
        family.type = rest as MetricType;
      }
      continue;
    }
    const sample = SAMPLE.exec(line) ?? fail('not a sample');
    const [, name, labelText, valueText] = sample as unknown as [string, string, string | undefined, string];
    const family = familyOf(families, name) ?? fail('sample of no declared family');
    const value = parseValue(valueText) ?? fail('bad value');
    family.samples.push({ name, labels: parseLabels(labelText ?? '', fail), value });
  }
  return families;
}

function familyOf(families: Map<string, MetricFamily>, name: string): MetricFamily | undefined {
  for (const family of families.values()) {
    const suffixes = SUFFIXES[family.type ?? 'untyped'];
    if (suffixes.some((suffix) => `${family.name}${suffix}` === name)) return family;
  }
  return undefined;
}

function parseValue(text: string): number | undefined {
  // Prometheus reads values with Go's ParseFloat: Inf and NaN in any case (prom-client writes `Nan`).
  const special = text.toLowerCase();
  if (special === '+inf' || special === 'inf') return Infinity;
  if (special === '-inf') return -Infinity;
  if (special === 'nan') return NaN;
  const value = Number(text);
  return Number.isNaN(value) ? undefined : value;
}

function parseLabels(text: string, fail: (why: string) => never): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest !== '') {
    const match = /^([^=]+)="((?:[^"\\\n]|\\[\\"n])*)"(,?)/.exec(rest) ?? fail('bad labels');
    const [whole, name, raw, comma] = match as unknown as [string, string, string, string];
    if (!LABEL_NAME.test(name) || name.startsWith('__')) fail(`bad label name ${name}`);
    if (name in labels) fail(`label ${name} twice`);
    labels[name] = raw.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(whole.length);
    if (comma === '' && rest !== '') fail('labels not separated by a comma');
  }
  return labels;
}
