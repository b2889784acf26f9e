import { describe, expect, it } from 'vitest';
import type { Notification } from '../core/index.ts';
import { boundErrorMessage, toOutboxEntry, toOutboxRow } from './outbox-row.ts';

const NOTIFICATION: Notification = {
  id: 'n-1',
  kind: 'heartbeat',
  channel: 'soc-telegram',
  sequence: 7,
  detail: 'link',
  heartbeat: { lastSerial: 41, deadLetters: 2 },
  createdAt: 500,
};

describe('outbox rows', () => {
  it('reads back a new row as a pending entry due at its enqueue time, with no incident serial', () => {
    const row = toOutboxRow(NOTIFICATION, 1_000);
    expect(row).toMatchObject({
      incident_serial: null,
      sequence: 7,
      state: 'pending',
      next_attempt_at: 1_000,
    });
    expect(toOutboxEntry(row)).toEqual({
      notification: NOTIFICATION,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: 1_000,
      createdAt: 1_000,
    });
  });

  it('keeps short failure messages and cuts long ones to 2000 characters', () => {
    expect(boundErrorMessage('HTTP 502')).toBe('HTTP 502');
    const bounded = boundErrorMessage('x'.repeat(5_000));
    expect(bounded).toHaveLength(2_000);
    expect(bounded.endsWith('…')).toBe(true);
  });
});
