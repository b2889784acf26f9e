import { expect } from 'vitest';
import type { PeerReply } from '../../../test/support/http-peer.ts';
import { describeChannelContract } from '../channel.contract.ts';
import { pagerdutyChannel } from './index.ts';
import { EVENT_BYTES, SUMMARY_CHARS } from './render.ts';

const ROUTING_KEY = 'R015ABCDEFGHIJKLMNOPQRSTUVWXYZ01';

/** How the Events API answers (202 accepted; 400 invalid event; 429 throttled; otherwise a bare status). */
function pagerdutyReply(status: number): Omit<PeerReply, 'status'> {
  if (status === 202)
    return { body: { status: 'success', message: 'Event processed', dedup_key: 'klaxon-42' } };
  if (status === 400) {
    return {
      body: {
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: ["'payload.severity' is invalid"],
      },
    };
  }
  if (status === 429)
    return { body: { status: 'throttle event', message: 'Requests are arriving too quickly.' } };
  return { body: '' };
}

describeChannelContract(pagerdutyChannel, {
  config: { source: 'klaxon-prod' },
  secrets: { routing_key: ROUTING_KEY },
  invalidConfigs: [
    { source: '' },
    { base_url: 'mailto:ops@example.com' },
    { base_url: 'https://events.pagerduty.com?x=1' },
    { severity: 'critical' },
  ],
  invalidSecrets: [
    {},
    { routing_key: 'short' },
    { routing_key: `${ROUTING_KEY}x` },
    { routing_key: 'R015ABCDEFGHIJKLMNOPQRSTUVWXYZ0!' },
  ],
  secretValues: [ROUTING_KEY],
  checkPayload(event) {
    expect(event.dedup_key).toMatch(/^klaxon-/);
    expect(event.dedup_key.length).toBeLessThanOrEqual(255);
    if (event.event_action === 'trigger') {
      expect(event.payload!.summary.length).toBeGreaterThan(0);
      expect(event.payload!.summary.length).toBeLessThanOrEqual(SUMMARY_CHARS);
    }
    expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThan(EVENT_BYTES);
  },
  http: {
    target: (url) => ({ config: { base_url: url }, secrets: { routing_key: ROUTING_KEY } }),
    reply: pagerdutyReply,
    okStatus: 202,
    reasons: { 400: 'payload' },
  },
});
