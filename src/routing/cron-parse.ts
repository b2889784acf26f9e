/** The five fields of a cron expression as sets of allowed values (index = value). */
export interface CronFields {
  minutes: readonly boolean[];
  hours: readonly boolean[];
  daysOfMonth: readonly boolean[];
  months: readonly boolean[];
  /** 0 = Sunday ... 6 = Saturday (7 is read as Sunday). */
  daysOfWeek: readonly boolean[];
  /**
   * Vixie cron's rule: when both day fields are restricted (neither starts with `*`), a day
   * matches if either does; otherwise both must.
   */
  eitherDay: boolean;
}

export type CronParse = { ok: true; fields: CronFields } | { ok: false; message: string };

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const SPECS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  { name: 'day of week', min: 0, max: 7, names: DAY_NAMES },
];

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const ITEM = /^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:\/([0-9]+))?$/;
const MAX_DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const HINT = 'expected five fields "minute hour day-of-month month day-of-week", e.g. "0 8 * * 1-5"';

/**
 * Parses standard five-field cron syntax: `*`, values, ranges `a-b`, steps `*\/n`, `a-b/n` and
 * `a/n`, lists joined by commas, month and weekday names (`jan`, `mon-fri`), and the macros
 * `@hourly`, `@daily`, `@weekly`, `@monthly`, `@yearly`. Times are UTC.
 */
export function parseCronFields(expression: string): CronParse {
  const text = expression.trim().toLowerCase();
  const expanded = text.startsWith('@') ? MACROS[text] : text;
  if (expanded === undefined) {
    return fail(`unknown macro "${text}"; expected one of ${Object.keys(MACROS).join(', ')}`);
  }
  const parts = expanded.split(/\s+/);
  if (parts.length !== 5) return fail(`${HINT}; got ${parts.length} field${parts.length === 1 ? '' : 's'}`);
  const sets: boolean[][] = [];
  for (let i = 0; i < 5; i++) {
    const set = parseField(parts[i] as string, SPECS[i] as FieldSpec);
    if (typeof set === 'string') return fail(set);
    sets.push(set);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [
    boolean[],
    boolean[],
    boolean[],
    boolean[],
    boolean[],
  ];
  if (daysOfWeek[7]) daysOfWeek[0] = true;
  daysOfWeek.length = 7;
  const eitherDay = !(parts[2] as string).startsWith('*') && !(parts[4] as string).startsWith('*');
  const fields: CronFields = { minutes, hours, daysOfMonth, months, daysOfWeek, eitherDay };
  const impossible = findImpossibleDay(fields);
  return impossible ? fail(impossible) : { ok: true, fields };
}

function parseField(text: string, spec: FieldSpec): boolean[] | string {
  const set = new Array<boolean>(spec.max + 1).fill(false);
  for (const item of text.split(',')) {
    const match = ITEM.exec(item);
    if (match === null) return `${spec.name}: cannot read "${item}"; ${HINT}`;
    const [, range, stepText] = match as unknown as [string, string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1) return `${spec.name}: the step in "${item}" must be at least 1`;
    const bounds = readRange(range, stepText !== undefined, spec);
    if (typeof bounds === 'string') return bounds;
    for (let value = bounds[0]; value <= bounds[1]; value += step) set[value] = true;
  }
  return set;
}

function readRange(range: string, stepped: boolean, spec: FieldSpec): [number, number] | string {
  if (range === '*') return [spec.min, spec.max === 7 ? 6 : spec.max];
  const [fromText, toText] = range.split('-') as [string, string | undefined];
  const from = readValue(fromText, spec);
  if (typeof from === 'string') return from;
  // `5/15` means from 5 to the end, in steps of 15 (Vixie cron).
  if (toText === undefined) return [from, stepped ? spec.max : from];
  const to = readValue(toText, spec);
  if (typeof to === 'string') return to;
  if (to < from) return `${spec.name}: the range "${range}" runs backwards; write it as a list instead`;
  return [from, to];
}

function readValue(text: string, spec: FieldSpec): number | string {
  const named = spec.names?.indexOf(text) ?? -1;
  if (named >= 0) return named + spec.min;
  const value = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(value)) {
    const names = spec.names ? ` or a name (${spec.names.join(', ')})` : '';
    return `${spec.name}: "${text}" is not a number${names}`;
  }
  if (value < spec.min || value > spec.max) {
    return `${spec.name}: ${value} is out of range ${spec.min}-${spec.max}`;
  }
  return value;
}

/**
 * `0 0 31 2 *` would never run: say so now rather than search for it forever. With both day
 * fields restricted any chosen weekday will do; otherwise a chosen day of a chosen month exists
 * and, over the 28-year calendar cycle, falls on every weekday.
 */
function findImpossibleDay(fields: CronFields): string | undefined {
  if (fields.eitherDay) return undefined;
  for (let month = 1; month <= 12; month++) {
    if (!fields.months[month]) continue;
    for (let day = 1; day <= (MAX_DAYS_IN_MONTH[month] as number); day++) {
      if (fields.daysOfMonth[day]) return undefined;
    }
  }
  return 'this schedule never runs: no chosen day of month occurs in the chosen months';
}

function fail(message: string): CronParse {
  return { ok: false, message };
}
