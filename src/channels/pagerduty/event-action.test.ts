import { describe, expect, it } from 'vitest';
import { SAMPLE_INCIDENT, sampleNotification } from '../testdata/notifications.ts';
import { chooseDedupKey, chooseEventAction, chooseSeverity } from './event-action.ts';

describe('chooseEventAction', () => {
  it('triggers for an opened or updated incident', () => {
    expect(chooseEventAction(sampleNotification())).toBe('trigger');
    expect(chooseEventAction(sampleNotification({ kind: 'updated' }))).toBe('trigger');
    expect(chooseEventAction(sampleNotification({ kind: 'flapping-started' }))).toBe('trigger');
  });

  it('acknowledges when the incident was acknowledged in Klaxon', () => {
    const incident = { ...SAMPLE_INCIDENT, status: 'acknowledged' as const, acknowledgedBy: 'alice' };
    expect(chooseEventAction(sampleNotification({ kind: 'updated', incident }))).toBe('acknowledge');
  });

  it('resolves a resolved incident', () => {
    const incident = { ...SAMPLE_INCIDENT, status: 'resolved' as const };
    expect(chooseEventAction(sampleNotification({ kind: 'resolved', incident }))).toBe('resolve');
  });

  it('triggers for a meta-alert without an incident', () => {
    expect(chooseEventAction(sampleNotification({ kind: 'meta', incident: undefined, text: 'x' }))).toBe(
      'trigger',
    );
  });
});

describe('chooseDedupKey', () => {
  it('is klaxon-<serial> for every event of one incident', () => {
    expect(chooseDedupKey(sampleNotification())).toBe('klaxon-42');
    expect(chooseDedupKey(sampleNotification({ id: 'other', kind: 'resolved' }))).toBe('klaxon-42');
  });

  it('is unique per notification without an incident', () => {
    expect(chooseDedupKey(sampleNotification({ id: 'ntf-meta-1', kind: 'meta', incident: undefined }))).toBe(
      'klaxon-meta-ntf-meta-1',
    );
  });
});

describe('chooseSeverity', () => {
  it.each([
    ['P1', 'critical'],
    ['P2', 'error'],
    ['P3', 'warning'],
    ['P4', 'info'],
    ['P5', 'info'],
  ] as const)('maps %s to %s', (priority, severity) => {
    expect(chooseSeverity(sampleNotification({ incident: { ...SAMPLE_INCIDENT, priority } }))).toBe(severity);
  });
});
