import { describe, expect, it } from 'vitest';
import { HeartbeatSchedule, nextHeartbeatAt } from './heartbeat.ts';

const at = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FACTS = { lastSerial: 42, deadLetters: 3 };

describe('nextHeartbeatAt', () => {
  it.each([
    ['2024-03-04T10:17:00.000Z', HOUR, '2024-03-04T11:00:00.000Z'],
    ['2024-03-04T11:00:00.000Z', HOUR, '2024-03-04T12:00:00.000Z'],
    ['2024-03-04T10:17:00.000Z', DAY, '2024-03-05T00:00:00.000Z'],
    ['2024-12-31T23:59:59.999Z', DAY, '2025-01-01T00:00:00.000Z'],
    ['2024-03-04T10:17:00.000Z', 15 * 60_000, '2024-03-04T10:30:00.000Z'],
  ])('after %s every %i ms is %s', (after, interval, expected) => {
    expect(new Date(nextHeartbeatAt(at(after), interval)).toISOString()).toBe(expected);
  });
});

describe('HeartbeatSchedule', () => {
  it('says nothing before the first interval boundary after start', () => {
    const schedule = new HeartbeatSchedule(
      [{ channel: 'soc-telegram', intervalMs: HOUR }],
      at('2024-03-04T10:17:00Z'),
    );
    expect(schedule.nextDueAt()).toBe(at('2024-03-04T11:00:00Z'));
    expect(schedule.tick(at('2024-03-04T10:59:59.999Z'), FACTS)).toEqual([]);
  });

  it('sends the last serial and dead letters to each channel when due', () => {
    const schedule = new HeartbeatSchedule(
      [
        { channel: 'soc-telegram', intervalMs: HOUR },
        { channel: 'soc-mail', intervalMs: DAY },
      ],
      at('2024-03-04T10:17:00Z'),
    );
    const [hourly, ...others] = schedule.tick(at('2024-03-04T11:00:00Z'), FACTS);
    expect(others).toEqual([]);
    expect(hourly).toMatchObject({
      kind: 'heartbeat',
      channel: 'soc-telegram',
      heartbeat: { lastSerial: 42, deadLetters: 3 },
      createdAt: at('2024-03-04T11:00:00Z'),
    });
    expect(
      schedule.tick(at('2024-03-05T00:00:00Z'), { lastSerial: 50, deadLetters: 0 }).map((n) => n.channel),
    ).toEqual(['soc-telegram', 'soc-mail']);
  });

  it('sends one heartbeat, not one per missed interval, after downtime', () => {
    const schedule = new HeartbeatSchedule(
      [{ channel: 'soc', intervalMs: HOUR }],
      at('2024-03-04T10:17:00Z'),
    );
    expect(schedule.tick(at('2024-03-04T15:30:00Z'), FACTS)).toHaveLength(1);
    expect(schedule.nextDueAt()).toBe(at('2024-03-04T16:00:00Z'));
    expect(schedule.tick(at('2024-03-04T15:59:00Z'), FACTS)).toEqual([]);
  });

  it('gives the same heartbeat the same id after a restart', () => {
    const before = new HeartbeatSchedule([{ channel: 'soc', intervalMs: HOUR }], at('2024-03-04T10:17:00Z'));
    const after = new HeartbeatSchedule([{ channel: 'soc', intervalMs: HOUR }], at('2024-03-04T10:40:00Z'));
    const [first] = before.tick(at('2024-03-04T11:00:00Z'), FACTS);
    const [again] = after.tick(at('2024-03-04T11:00:02Z'), FACTS);
    expect(again!.id).toBe(first!.id);
    const [next] = before.tick(at('2024-03-04T12:00:00Z'), FACTS);
    expect(next!.id).not.toBe(first!.id);
  });

  it('refuses an interval under a minute', () => {
    expect(() => new HeartbeatSchedule([{ channel: 'soc', intervalMs: 0 }], 0)).toThrow('at least a minute');
  });
});
