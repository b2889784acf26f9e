import { describe, expect, it } from 'vitest';
import { HOSTILE_INCIDENT, SAMPLE_INCIDENT, sampleNotification } from '../testdata/notifications.ts';
import { renderWebhook } from './render.ts';
import { webhookConfigSchema } from './schema.ts';

const config = webhookConfigSchema.parse({ url: 'https://soar.example.com/hook' });

describe('renderWebhook', () => {
  it('renders an opened incident as incident.opened with ISO times, evidence and the shared message', () => {
    const body = renderWebhook(sampleNotification(), config);
    expect(body.type).toBe('incident.opened');
    expect(body.timestamp).toBe('2017-03-30T15:55:03.000Z');
    expect(body.data).toMatchObject({
      id: 'ntf-42-opened-soc',
      kind: 'opened',
      channel: 'soc',
      sequence: 17,
      incident: {
        serial: 42,
        priority: 'P2',
        group: { 'source.ip': '24.151.103.17' },
        count: 147,
        firstSeen: '2017-03-30T15:54:19.000Z',
      },
      dashboardUrl: 'https://klaxon.example.com/incidents/42',
    });
    expect(body.data.message.title).toBe('[P2] #42 SSH brute force from one address — opened');
    expect(body.data.incident && 'samples' in body.data.incident && body.data.incident.samples).toHaveLength(
      1,
    );
    expect(body.data.truncated).toBeUndefined();
  });

  it('carries only serial, priority and status at link detail', () => {
    const body = renderWebhook(sampleNotification({ detail: 'link' }), config);
    expect(body.data.incident).toEqual({ serial: 42, priority: 'P2', status: 'open' });
    expect(JSON.stringify(body)).not.toContain('24.151.103.17');
  });

  it('keeps hostile text as data, intact for the receiver to escape', () => {
    const body = renderWebhook(sampleNotification({ incident: HOSTILE_INCIDENT }), config);
    const parsed = JSON.parse(JSON.stringify(body)) as typeof body;
    expect(
      parsed.data.incident && 'group' in parsed.data.incident && parsed.data.incident.group['user.name'],
    ).toBe('<b>admin</b> & "root" <script>alert(1)</script>');
  });

  it('names digests and heartbeats klaxon.* and lists digest incidents without evidence', () => {
    const digest = renderWebhook(
      sampleNotification({
        kind: 'digest',
        incident: undefined,
        digest: { incidents: [SAMPLE_INCIDENT], from: 0, to: 1000 },
      }),
      config,
    );
    expect(digest.type).toBe('klaxon.digest');
    expect(digest.data.digest).toMatchObject({
      from: '1970-01-01T00:00:00.000Z',
      incidents: [{ serial: 42, samples: [] }],
    });
    const heartbeat = renderWebhook(
      sampleNotification({
        kind: 'heartbeat',
        incident: undefined,
        heartbeat: { lastSerial: 9, deadLetters: 0 },
      }),
      config,
    );
    expect(heartbeat).toMatchObject({
      type: 'klaxon.heartbeat',
      data: { heartbeat: { lastSerial: 9, deadLetters: 0 } },
    });
  });

  it('drops evidence first when the body is above max_body_bytes', () => {
    const bigSample = { '@timestamp': '2017-03-30T15:54:19.000Z', event: { original: 'y'.repeat(10_000) } };
    const small = webhookConfigSchema.parse({ url: 'https://soar.example.com/hook', max_body_bytes: 8192 });
    const body = renderWebhook(
      sampleNotification({ incident: { ...SAMPLE_INCIDENT, samples: [bigSample] } }),
      small,
    );
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThanOrEqual(8192);
    expect(body.data.truncated).toBe(true);
    expect(body.data.incident).toMatchObject({
      serial: 42,
      count: 147,
      runbook: SAMPLE_INCIDENT.runbook,
      samples: [],
    });
  });

  it('falls back to a clipped link-level body when even clipped texts do not fit', () => {
    const small = webhookConfigSchema.parse({ url: 'https://soar.example.com/hook', max_body_bytes: 4096 });
    const group = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`label${i}`, 'v'.repeat(50)]));
    const body = renderWebhook(sampleNotification({ incident: { ...SAMPLE_INCIDENT, group } }), small);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThanOrEqual(4096);
    expect(body.data).toMatchObject({
      id: 'ntf-42-opened-soc',
      sequence: 17,
      incident: { serial: 42 },
      truncated: true,
    });
  });
});
