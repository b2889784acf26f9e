import { describe, expect, it } from 'vitest';
import { APP_SERVICE, formatAppEvent } from '../../../src/demo/app-event.ts';
import { buildAppEvent } from './app-event.ts';
import { completeEcsDocument } from './ecs-document.ts';

const NOW = Date.parse('2026-11-21T10:00:00.000Z');

describe('buildAppEvent', () => {
  it('builds the same ECS document the demo application sends, which the rule pack detects', () => {
    const at = Date.parse('2026-11-21T09:59:58.250Z');
    const demo = formatAppEvent({
      at,
      action: 'login',
      outcome: 'failure',
      user: 'alice',
      ip: '203.0.113.9',
      method: 'POST',
      path: '/login',
      status: 401,
      userAgent: 'Mozilla/5.0',
    });
    const built = buildAppEvent(
      {
        action: 'login_failed',
        user: 'alice',
        ip: '203.0.113.9',
        method: 'post',
        path: '/login',
        status: 401,
        userAgent: 'Mozilla/5.0',
        at,
      },
      APP_SERVICE,
      NOW,
    );
    expect(built).toEqual({ ok: true, doc: JSON.parse(demo) });
  });

  it.each([
    ['login_succeeded', 'authentication', 'login', 'success'],
    ['csrf_token_invalid', 'web', 'csrf_token_invalid', 'failure'],
    ['access_forbidden', 'web', 'access_forbidden', 'failure'],
    ['object_id_tampered', 'web', 'object_id_tampered', 'failure'],
  ] as const)('maps %s to category %s, action %s, outcome %s', (action, category, ecsAction, outcome) => {
    const built = buildAppEvent({ action, ip: '198.51.100.4', objectId: 'order-77' }, 'shop-web', NOW);
    expect(built).toEqual({
      ok: true,
      doc: {
        '@timestamp': '2026-11-21T10:00:00.000Z',
        event: { kind: 'event', category: [category], action: ecsAction, outcome },
        source: { ip: '198.51.100.4' },
        service: { name: 'shop-web' },
        labels: { object_id: 'order-77' },
      },
    });
  });

  it('takes the time as a Date, epoch milliseconds or ISO string', () => {
    for (const at of [new Date(NOW - 1000), NOW - 1000, '2026-11-21T09:59:59Z']) {
      const built = buildAppEvent({ action: 'access_forbidden', ip: '192.0.2.1', at }, 'svc', NOW);
      expect(built.ok && built.doc['@timestamp']).toBe('2026-11-21T09:59:59.000Z');
    }
  });

  it('normalizes socket-style addresses and clips attacker-sized text', () => {
    const built = buildAppEvent(
      { action: 'access_forbidden', ip: '::ffff:203.0.113.9', userAgent: 'A'.repeat(5000), path: '/x' },
      'svc',
      NOW,
    );
    expect(built.ok && built.doc['source']).toEqual({ ip: '203.0.113.9' });
    expect(built.ok && (built.doc['user_agent'] as { original: string }).original).toHaveLength(1024);
  });

  it.each([
    [null, /must be an object/],
    [{ action: 'login', ip: '192.0.2.1' }, /"action" must be one of login_failed/],
    [{ action: 'login_failed', ip: 'alice' }, /"ip" must be an IPv4 or IPv6 address/],
    [{ action: 'login_failed' }, /"ip"/],
    [{ action: 'login_failed', ip: '192.0.2.1', user: 42 }, /"user" must be a string/],
    [{ action: 'login_failed', ip: '192.0.2.1', status: 4010 }, /"status" must be an HTTP status/],
    [{ action: 'login_failed', ip: '192.0.2.1', method: 'GET /x' }, /"method"/],
    [{ action: 'login_failed', ip: '192.0.2.1', at: 'yesterday' }, /"at" must be a valid Date/],
    [{ action: 'toString', ip: '192.0.2.1' }, /"action"/],
  ])('refuses %j, naming the field', (report, message) => {
    const built = buildAppEvent(report, 'svc', NOW);
    expect(built.ok).toBe(false);
    expect(!built.ok && built.message).toMatch(message);
  });
});

describe('completeEcsDocument', () => {
  it('fills in @timestamp and service.name without touching the caller’s document', () => {
    const doc = { event: { action: 'object_id_tampered' }, service: { version: '1.2.0' } };
    const built = completeEcsDocument(doc, 'shop-web', NOW);
    expect(built).toEqual({
      ok: true,
      doc: {
        '@timestamp': '2026-11-21T10:00:00.000Z',
        event: { action: 'object_id_tampered' },
        service: { version: '1.2.0', name: 'shop-web' },
      },
    });
    expect(doc.service).toEqual({ version: '1.2.0' });
  });

  it('keeps the caller’s own time and service, nested or dotted', () => {
    const dotted = { '@timestamp': '2026-01-01T00:00:00Z', 'service.name': 'billing', 'event.action': 'x' };
    expect(completeEcsDocument(dotted, 'shop-web', NOW)).toEqual({ ok: true, doc: dotted });
    const nested = { service: { name: 'billing' } };
    expect(completeEcsDocument(nested, 'shop-web', NOW)).toMatchObject({
      doc: { service: { name: 'billing' } },
    });
  });

  it.each([[null], [[{ a: 1 }]], ['{"a":1}'], [new Date()]])('refuses %j as not a plain object', (doc) => {
    expect(completeEcsDocument(doc, 'svc', NOW)).toEqual({
      ok: false,
      message: 'reportEcs(): the event must be a plain object',
    });
  });
});
