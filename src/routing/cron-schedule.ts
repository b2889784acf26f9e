import { parseCronFields, type CronFields } from './cron-parse.ts';

const MINUTE = 60_000;
// Far more steps than any valid schedule needs: Feb 29 on a Sunday is at most 40 years away,
// about 2,000 steps, since whole months and days are skipped at once.
const MAX_STEPS = 100_000;

/** A parsed five-field cron schedule in UTC, with minute resolution. */
export class CronSchedule {
  constructor(
    readonly expression: string,
    private readonly fields: CronFields,
  ) {}

  /** The first run strictly after `after` (epoch ms). */
  nextRun(after: number): number {
    let t = Math.floor(after / MINUTE) * MINUTE + MINUTE;
    for (let step = 0; step < MAX_STEPS; step++) {
      const date = new Date(t);
      const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
      if (!this.fields.months[month + 1]) t = Date.UTC(year, month + 1, 1);
      else if (!this.matchesDay(date)) t = Date.UTC(year, month, day + 1);
      else if (!this.fields.hours[date.getUTCHours()]) t = Date.UTC(year, month, day, date.getUTCHours() + 1);
      else if (!this.fields.minutes[date.getUTCMinutes()]) t += MINUTE;
      else return t;
    }
    throw new Error(`cron schedule "${this.expression}" found no run after ${new Date(after).toISOString()}`);
  }

  /** The last run strictly before `before` (epoch ms): where the period ending at a run began. */
  previousRun(before: number): number {
    let t = Math.ceil(before / MINUTE) * MINUTE - MINUTE;
    for (let step = 0; step < MAX_STEPS; step++) {
      const date = new Date(t);
      const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
      if (!this.fields.months[month + 1]) t = Date.UTC(year, month, 1) - MINUTE;
      else if (!this.matchesDay(date)) t = Date.UTC(year, month, day) - MINUTE;
      else if (!this.fields.hours[date.getUTCHours()])
        t = Date.UTC(year, month, day, date.getUTCHours()) - MINUTE;
      else if (!this.fields.minutes[date.getUTCMinutes()]) t -= MINUTE;
      else return t;
    }
    throw new Error(
      `cron schedule "${this.expression}" found no run before ${new Date(before).toISOString()}`,
    );
  }

  /** Whether the schedule runs in the minute that holds `at`. */
  matches(at: number): boolean {
    const date = new Date(at);
    return (
      !!this.fields.months[date.getUTCMonth() + 1] &&
      this.matchesDay(date) &&
      !!this.fields.hours[date.getUTCHours()] &&
      !!this.fields.minutes[date.getUTCMinutes()]
    );
  }

  private matchesDay(date: Date): boolean {
    const byMonth = !!this.fields.daysOfMonth[date.getUTCDate()];
    const byWeek = !!this.fields.daysOfWeek[date.getUTCDay()];
    return this.fields.eitherDay ? byMonth || byWeek : byMonth && byWeek;
  }
}

export type CronResult = { ok: true; schedule: CronSchedule } | { ok: false; message: string };

/** Parses a five-field UTC cron expression (see `parseCronFields` for the syntax). */
export function parseCron(expression: string): CronResult {
  const parsed = parseCronFields(expression);
  return parsed.ok ? { ok: true, schedule: new CronSchedule(expression, parsed.fields) } : parsed;
}
