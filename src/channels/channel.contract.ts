import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../core/index.ts';
import { startHttpPeer } from '../../test/support/http-peer.ts';
import type { HttpPeer, PeerReply } from '../../test/support/http-peer.ts';
import type { ChannelDefinition, FailureReason, SendResult } from './channel.ts';
import { HOSTILE_INCIDENT, SAMPLE_INCIDENT, sampleNotification } from './testdata/notifications.ts';

/** What a channel's `index.test.ts` hands to `describeChannelContract`. */
export interface ChannelContractFixtures<Payload> {
  /** Valid raw config and secrets, as klaxon.yaml and the environment give them. */
  config: unknown;
  secrets: unknown;
  /** Inputs each schema must reject (each one on its own). */
  invalidConfigs: unknown[];
  invalidSecrets: unknown[];
  /** Values that must never appear in a rendered payload or in any SendResult. */
  secretValues: string[];
  /** Channel-specific limits and escaping, asserted on every rendered fixture (throw or `expect`). */
  checkPayload?(payload: Payload, notification: Notification): void;
  /** Extra notifications to render besides the shared set. */
  notifications?: Notification[];
  /** For channels that speak HTTP: the shared status table against a real local server. */
  http?: HttpContractFixtures;
}

export interface HttpContractFixtures {
  /** Raw config and secrets that point the channel at `peerUrl` (`http://127.0.0.1:<port>`). */
  target(peerUrl: string): { config: unknown; secrets: unknown };
  /** How the real service answers with this status (body and headers); default: an empty body. */
  reply?(status: number): Omit<PeerReply, 'status'>;
  /** Where the service's answer says more than the status (Slack 404 `no_service` → config). */
  reasons?: Partial<Record<number, FailureReason>>;
  /** The success status the real service sends; default 200. */
  okStatus?: number;
}

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

/** The shared set: opened, hostile, link-only, resolved, digest, heartbeat, meta, test, huge. */
export function contractNotifications(): Notification[] {
  const huge = 'x'.repeat(50_000);
  const hugeIncident = {
    ...SAMPLE_INCIDENT,
    title: `Huge ${huge}`,
    runbook: huge,
    group: { 'user.name': huge, 'source.ip': '203.0.113.9' },
    attack: Array.from({ length: 60 }, (_, i) => `T${1000 + i}`),
    samples: Array.from({ length: 200 }, (_, i) => ({
      '@timestamp': new Date(NOW + i).toISOString(),
      event: { original: `line ${i} ${'```<b>&'.repeat(200)}` },
    })),
  };
  return [
    sampleNotification(),
    sampleNotification({ id: 'ntf-43', incident: HOSTILE_INCIDENT, text: '<i>&amp;</i> `x`' }),
    sampleNotification({ id: 'ntf-42-link', detail: 'link' }),
    sampleNotification({
      id: 'ntf-42-resolved',
      kind: 'resolved',
      incident: { ...SAMPLE_INCIDENT, status: 'resolved', resolvedBy: 'alice', resolution: 'blocked' },
      suppressedSince: 12,
    }),
    sampleNotification({
      id: 'ntf-digest',
      kind: 'digest',
      incident: undefined,
      digest: {
        incidents: Array.from({ length: 120 }, (_, i) => ({ ...SAMPLE_INCIDENT, serial: i + 1 })),
        from: NOW - 86_400_000,
        to: NOW,
      },
    }),
    sampleNotification({
      id: 'ntf-group',
      kind: 'group',
      incident: undefined,
      group: {
        key: 'page:{rule="ssh-brute-force-source"}',
        route: 'page',
        labels: { rule: 'ssh-brute-force-source' },
        incidents: Array.from({ length: 80 }, (_, i) => ({
          ...SAMPLE_INCIDENT,
          serial: i + 1,
          group: HOSTILE_INCIDENT.group,
        })),
        why: 'initial',
      },
    }),
    sampleNotification({
      id: 'ntf-hb',
      kind: 'heartbeat',
      incident: undefined,
      heartbeat: { lastSerial: 42, deadLetters: 1 },
    }),
    sampleNotification({
      id: 'ntf-meta',
      kind: 'meta',
      incident: undefined,
      text: 'Channel soc-telegram went dead: HTTP 401',
    }),
    sampleNotification({ id: 'ntf-test', kind: 'test', incident: undefined, dashboardUrl: undefined }),
    sampleNotification({ id: 'ntf-huge', incident: hugeIncident, suppressedSince: 3 }),
  ];
}

/** Every status the shared classifier knows, with the outcome a channel must report. */
const STATUS_TABLE: [status: number, kind: SendResult['kind'], reason: FailureReason | undefined][] = [
  [408, 'retry', 'timeout'],
  [425, 'retry', 'rate_limited'],
  [429, 'retry', 'rate_limited'],
  [500, 'retry', 'server'],
  [502, 'retry', 'server'],
  [503, 'retry', 'server'],
  [401, 'fail', 'auth'],
  [403, 'fail', 'auth'],
  [400, 'fail', 'client'],
  [404, 'fail', 'client'],
  [413, 'fail', 'client'],
];

/**
 * The behaviour every channel shares (Hono's common.case, alertmanager's AssertNotifyLeaksNoSecret):
 * schemas reject bad input, render is pure, deterministic, never fails and keeps to limits, no
 * secret leaks, and, for HTTP channels, the shared status table holds against a real server.
 */
export function describeChannelContract<C, S, P>(
  definition: ChannelDefinition<C, S, P>,
  fixtures: ChannelContractFixtures<P>,
): void {
  describe(`channel contract: ${definition.type}`, () => {
    const config = () => definition.configSchema.parse(fixtures.config);
    const notifications = [...contractNotifications(), ...(fixtures.notifications ?? [])];

    it('has a lowercase type id', () => {
      expect(definition.type).toMatch(/^[a-z][a-z0-9-]*$/);
    });

    it('accepts the valid config and secrets and rejects each bad one', () => {
      expect(definition.configSchema.safeParse(fixtures.config).success).toBe(true);
      expect(definition.secretsSchema.safeParse(fixtures.secrets).success).toBe(true);
      for (const bad of fixtures.invalidConfigs)
        expect(definition.configSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      for (const bad of fixtures.invalidSecrets)
        expect(definition.secretsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    });

    it('renders every shared notification purely, deterministically, within limits and without secrets', () => {
      for (const notification of notifications) {
        const before = JSON.stringify(notification);
        const first = definition.render(notification, config());
        const second = definition.render(notification, config());
        expect(second, notification.id).toEqual(first);
        expect(JSON.stringify(notification), `${notification.id} mutated`).toBe(before);
        const text = JSON.stringify(first);
        for (const secret of fixtures.secretValues)
          expect(text.includes(secret), `secret in ${notification.id}`).toBe(false);
        fixtures.checkPayload?.(first, notification);
      }
    });

    if (fixtures.http) describeHttpContract(definition, fixtures, fixtures.http);
  });
}

function describeHttpContract<C, S, P>(
  definition: ChannelDefinition<C, S, P>,
  fixtures: ChannelContractFixtures<P>,
  http: HttpContractFixtures,
): void {
  let peer: HttpPeer;
  beforeAll(async () => {
    peer = await startHttpPeer({ status: 200 });
  });
  afterAll(() => peer.close());

  const send = (options: { fetch?: typeof fetch; signal?: AbortSignal; url?: string } = {}) => {
    const target = http.target(options.url ?? peer.url);
    const config = definition.configSchema.parse(target.config);
    const payload = definition.render(sampleNotification(), config);
    return definition.send(payload, {
      config,
      secrets: definition.secretsSchema.parse(target.secrets),
      fetch: options.fetch ?? fetch,
      signal: options.signal ?? new AbortController().signal,
      now: () => NOW,
      idempotencyKey: 'ntf-42-opened-soc',
    });
  };
  const expectNoSecret = (result: SendResult) => {
    const text = JSON.stringify(result);
    for (const secret of fixtures.secretValues)
      expect(text.includes(secret), `secret leaked in ${text}`).toBe(false);
  };
  const answer = (status: number, headers: Record<string, string> = {}) => {
    const reply = http.reply?.(status) ?? {};
    peer.respond({ ...reply, status, headers: { ...reply.headers, ...headers } });
  };

  it('reports ok when the service accepts the message', async () => {
    answer(http.okStatus ?? 200);
    const before = peer.requests.length;
    const result = await send();
    expect(result.kind).toBe('ok');
    expect(peer.requests.length).toBe(before + 1);
  });

  for (const [status, kind, reason] of STATUS_TABLE) {
    const expected = http.reasons?.[status] ?? reason;
    it(`reports ${kind}/${expected} for HTTP ${status}`, async () => {
      answer(status);
      const result = await send();
      expect(result).toMatchObject({ kind, reason: expected });
      expectNoSecret(result);
    });
  }

  it('retries at Retry-After seconds on 429', async () => {
    answer(429, { 'retry-after': '7' });
    expect(await send()).toMatchObject({ kind: 'retry', reason: 'rate_limited', retryAt: NOW + 7000 });
  });

  it('retries at a Retry-After HTTP-date on 503', async () => {
    const at = NOW + 120_000;
    answer(503, { 'retry-after': new Date(at).toUTCString() });
    expect(await send()).toMatchObject({ kind: 'retry', reason: 'server', retryAt: at });
  });

  it('reports retry/network when nothing listens', async () => {
    const closed = await startHttpPeer();
    const url = closed.url;
    await closed.close();
    const result = await send({ url });
    expect(result).toMatchObject({ kind: 'retry', reason: 'network' });
    expectNoSecret(result);
  });

  it('reports retry/timeout when the request is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await send({ signal: controller.signal })).toMatchObject({ kind: 'retry', reason: 'timeout' });
  });

  it('keeps secrets out of the result when the peer echoes any part of the request back', async () => {
    answer(http.okStatus ?? 200);
    await send();
    const request = peer.requests.at(-1);
    if (!request) throw new Error('the peer got no request');
    const pieces = [request.path, ...Object.values(request.headers).map(String)];
    for (const piece of pieces) {
      peer.respond({ status: 400, body: `rejected: ${piece}` });
      expectNoSecret(await send());
    }
  });

  it('keeps secrets out of the result when fetch fails quoting the URL', async () => {
    const quoting: typeof fetch = (input) => Promise.reject(new TypeError(`fetch failed: ${String(input)}`));
    const result = await send({ fetch: quoting });
    expect(result.kind).toBe('retry');
    expectNoSecret(result);
  });
}
