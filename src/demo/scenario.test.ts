import { describe, expect, it } from 'vitest';
import { generateDemoDay } from './scenario.ts';
import type { AttackTruth, DemoChannel, DemoDay } from './scenario.ts';
import { DAY, SCHEDULE } from './schedule.ts';

const START = new Date('2025-03-04T00:00:00Z');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One authentication or web event read back from the generated lines, independently of the generator. */
interface ReadEvent {
  at: number;
  key: string;
  user: string | undefined;
  ip: string | undefined;
  failure: boolean;
  count: number;
}

const SSHD_AUTH =
  /^(\w{3}) ([ \d]\d) (\d\d):(\d\d):(\d\d) \S+ sshd\[\d+\]: (?:message repeated (\d+) times: \[ )?(?:(Failed) password for (?:invalid user )?(\S+)|(Accepted) \w+ for (\S+)|(Invalid) user (\S+)) from ([\d.]+)/;

function readSshd(lines: string[], year: number): ReadEvent[] {
  return lines.flatMap((line) => {
    const m = SSHD_AUTH.exec(line);
    if (!m) return [];
    const at = Date.UTC(year, MONTHS.indexOf(m[1]!), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
    const key = (m[7] ?? m[9] ?? m[11])!;
    return [
      {
        at,
        key,
        user: m[8] ?? m[10] ?? m[12],
        ip: m[13],
        failure: key !== 'Accepted',
        count: Number(m[6] ?? 1),
      },
    ];
  });
}

function readJson(lines: string[], channel: 'windows' | 'app'): ReadEvent[] {
  return lines.map((line) => {
    const doc = JSON.parse(line);
    return {
      at: Date.parse(doc['@timestamp']),
      key: channel === 'windows' ? doc.event.code : doc.event.action,
      user: doc.user?.name,
      ip: doc.source?.ip,
      failure: doc.event.outcome === 'failure',
      count: 1,
    };
  });
}

function readChannel(day: DemoDay, channel: DemoChannel): ReadEvent[] {
  if (channel === 'sshd') return readSshd(day.sshd, day.truth.syslogYear);
  return readJson(channel === 'windows' ? day.windows : day.app, channel);
}

/** The attack's events in the lines: everything from its address, except the app's ordinary logins. */
function attackEvents(day: DemoDay, attack: AttackTruth): ReadEvent[] {
  return readChannel(day, attack.channel).filter(
    (e) => e.ip === attack.sourceIp && !(attack.channel === 'app' && e.key === 'login'),
  );
}

function breakdownOf(events: ReadEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.key] = (counts[e.key] ?? 0) + e.count;
  return counts;
}

function breakdownByUser(events: ReadEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.user!, (counts.get(e.user!) ?? 0) + e.count);
  return counts;
}

const day = generateDemoDay({ seed: 7, start: START });

describe('generateDemoDay', () => {
  it('gives the same day for the same seed and start, and another for another seed', () => {
    expect(generateDemoDay({ seed: 7, start: START })).toEqual(day);
    const other = generateDemoDay({ seed: 8, start: START });
    expect(other.sshd).not.toEqual(day.sshd);
    expect(other.windows).not.toEqual(day.windows);
    expect(other.app).not.toEqual(day.app);
  });

  it('lists the six scheduled attacks, each inside its documented time slot', () => {
    const ids = day.truth.attacks.map((a) => a.id);
    expect(ids).toEqual(Object.values(SCHEDULE).map((s) => s.id));
    for (const scheduled of Object.values(SCHEDULE)) {
      const attack = day.truth.attacks.find((a) => a.id === scheduled.id)!;
      expect(attack.sourceIp).toBe(scheduled.sourceIp);
      expect(attack.start).toBeGreaterThanOrEqual(START.getTime() + scheduled.offset);
      expect(attack.end).toBeLessThanOrEqual(START.getTime() + scheduled.offset + scheduled.duration);
    }
  });

  it.each([
    'ssh-brute-force',
    'rdp-brute-force',
    'password-spray',
    'ssh-brute-force-success',
    'app-csrf-burst',
    'app-forbidden-probe',
  ])('counts exactly the events of %s that are in the lines', (id) => {
    const attack = day.truth.attacks.find((a) => a.id === id)!;
    const events = attackEvents(day, attack);
    expect(breakdownOf(events)).toEqual(attack.breakdown);
    expect(events.reduce((n, e) => n + e.count, 0)).toBe(attack.events);
    expect(events.filter((e) => e.failure).reduce((n, e) => n + e.count, 0)).toBe(attack.failures);
    expect(Math.min(...events.map((e) => e.at))).toBe(attack.start);
    expect(Math.max(...events.map((e) => e.at))).toBe(attack.end);
    expect(new Set(events.flatMap((e) => (e.user ? [e.user] : [])))).toEqual(new Set(attack.users));
  });

  it('builds the attacks the scenario promises', () => {
    const byId = Object.fromEntries(day.truth.attacks.map((a) => [a.id, a]));
    expect(byId['ssh-brute-force']!.breakdown['Failed']).toBe(60);
    expect(byId['ssh-brute-force']!.end - byId['ssh-brute-force']!.start).toBeLessThanOrEqual(8 * 60_000);
    expect(byId['rdp-brute-force']!.breakdown).toEqual({ '4625': 40 });
    const spray = attackEvents(day, byId['password-spray']!);
    const perUser = [...breakdownByUser(spray).values()];
    expect(perUser).toHaveLength(30);
    expect(Math.max(...perUser)).toBe(2);
    expect(byId['ssh-brute-force-success']!.breakdown).toEqual({ Failed: 12, Accepted: 1 });
    const success = attackEvents(day, byId['ssh-brute-force-success']!);
    expect(success.at(-1)!.key).toBe('Accepted');
    expect(byId['app-csrf-burst']!.events).toBe(15);
    expect(byId['app-forbidden-probe']!.breakdown).toEqual({ access_forbidden: 6, object_id_tampered: 4 });
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'never lets a benign user fail more than twice in a row (seed %i)',
    (seed) => {
      const sample = generateDemoDay({ seed, start: START });
      const excluded = new Set([
        ...sample.truth.attacks.map((a) => a.sourceIp),
        ...sample.truth.scanners.map((s) => s.ip),
      ]);
      let benignFailures = 0;
      for (const channel of ['sshd', 'windows', 'app'] as const) {
        const runs = new Map<string, number>();
        for (const e of readChannel(sample, channel)) {
          if ((e.ip && excluded.has(e.ip)) || !e.user || (channel === 'app' && e.key !== 'login')) continue;
          const run = e.failure ? (runs.get(e.user) ?? 0) + e.count : 0;
          runs.set(e.user, run);
          if (e.failure) benignFailures += e.count;
          expect(run, `${channel} ${e.user}`).toBeLessThanOrEqual(sample.truth.maxBenignConsecutiveFailures);
        }
      }
      expect(benignFailures).toBeGreaterThan(0);
    },
  );

  it('keeps every scanner at three failures or fewer', () => {
    const sshd = readSshd(day.sshd, day.truth.syslogYear);
    expect(day.truth.scanners.length).toBeGreaterThan(10);
    for (const scanner of day.truth.scanners) {
      const failures = sshd.filter((e) => e.ip === scanner.ip && e.failure).reduce((n, e) => n + e.count, 0);
      expect(failures).toBe(scanner.failures);
      expect(failures).toBeLessThanOrEqual(3);
    }
  });

  it('writes every channel in time order, inside the day', () => {
    for (const channel of ['windows', 'app'] as const) {
      const times = readJson(day[channel], channel).map((e) => e.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBeGreaterThanOrEqual(START.getTime());
      expect(times.at(-1)).toBeLessThan(START.getTime() + DAY);
    }
    const stamps = day.sshd.map((line) => line.slice(0, 15));
    expect(stamps).toEqual([...stamps].sort());
  });
});
