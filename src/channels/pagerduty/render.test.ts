import { describe, expect, it } from 'vitest';
import { HOSTILE_INCIDENT, SAMPLE_INCIDENT, sampleNotification } from '../testdata/notifications.ts';
import { EVENT_BYTES, renderPagerduty, SUMMARY_CHARS } from './render.ts';
import { pagerdutyConfigSchema } from './schema.ts';

const config = pagerdutyConfigSchema.parse({ source: 'bastion-1.example.com', component: 'sshd' });

describe('renderPagerduty', () => {
  it('renders a trigger with summary, source, severity, rule class, details and the dashboard link', () => {
    const event = renderPagerduty(sampleNotification(), config);
    expect(event).toMatchObject({
      event_action: 'trigger',
      dedup_key: 'klaxon-42',
      client: 'Klaxon',
      client_url: 'https://klaxon.example.com/incidents/42',
      links: [{ href: 'https://klaxon.example.com/incidents/42', text: 'Klaxon incident #42' }],
      payload: {
        summary: '[P2] #42 SSH brute force from one address — opened: source.ip=24.151.103.17',
        source: 'bastion-1.example.com',
        severity: 'error',
        timestamp: '2017-03-30T15:55:03.000Z',
        component: 'sshd',
        class: 'ssh-brute-force-source',
      },
    });
    const details = event.payload!.custom_details;
    expect(details['who/where']).toBe('source.ip=24.151.103.17');
    expect(details['how often']).toBe('147 events from 2017-03-30T15:54:19Z to 2017-03-30T16:01:35Z');
    expect(details.evidence).toEqual([
      '2017-03-30T15:54:19Z Failed password for elastic_user_0 from 24.151.103.17 port 57310 ssh2',
    ]);
    expect(details.message).toBe('incident #42 · message 17 on soc');
  });

  it('sends only the dedup key when resolving', () => {
    const incident = { ...SAMPLE_INCIDENT, status: 'resolved' as const };
    const event = renderPagerduty(sampleNotification({ kind: 'resolved', incident }), config);
    expect(event.event_action).toBe('resolve');
    expect(event.dedup_key).toBe('klaxon-42');
    expect(event).not.toHaveProperty('payload');
  });

  it('keeps the summary within 1024 characters', () => {
    const incident = { ...HOSTILE_INCIDENT, title: 'T'.repeat(5000) };
    const { summary } = renderPagerduty(sampleNotification({ incident }), config).payload!;
    expect(summary.length).toBe(SUMMARY_CHARS);
    expect(summary.endsWith('…')).toBe(true);
  });

  it('keeps a huge digest under the event size limit and counts what it left out', () => {
    const incidents = Array.from({ length: 5000 }, (_, i) => ({
      ...SAMPLE_INCIDENT,
      serial: i + 1,
      title: 'x'.repeat(500),
    }));
    const notification = sampleNotification({
      kind: 'digest',
      incident: undefined,
      digest: { incidents, from: 0, to: 1 },
    });
    const event = renderPagerduty(notification, config);
    expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThan(EVENT_BYTES);
    expect(event.payload!.custom_details['facts omitted']).toMatch(/^\d+ more, see the dashboard$/);
    expect(event.payload!.severity).toBe('info');
  });

  it('leaves links out when the dashboard URL is not http(s)', () => {
    const event = renderPagerduty(sampleNotification({ dashboardUrl: 'javascript:alert(1)' }), config);
    expect(event).not.toHaveProperty('links');
    expect(event).not.toHaveProperty('client_url');
  });
});
