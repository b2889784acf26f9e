import { describe, expect, it } from 'vitest';
import { HOSTILE_INCIDENT, SAMPLE_INCIDENT, sampleNotification } from '../testdata/notifications.ts';
import { renderEmail } from './render.ts';
import { emailConfigSchema } from './schema.ts';

const config = emailConfigSchema.parse({ from: 'klaxon@example.com', to: ['soc@example.com'] });
const encrypted = emailConfigSchema.parse({
  from: 'klaxon@example.com',
  to: ['soc@example.com'],
  pgp_public_keys: { 'soc@example.com': '/etc/klaxon/soc.asc' },
});

describe('renderEmail', () => {
  it('puts priority, serial, title and status in the subject', () => {
    expect(renderEmail(sampleNotification(), config).subject).toBe(
      '[P2] #42 SSH brute force from one address (opened)',
    );
  });

  it('writes the shared facts, evidence, link and footer into the text part', () => {
    const { text } = renderEmail(sampleNotification(), config);
    expect(text).toContain('who/where: source.ip=24.151.103.17\n');
    expect(text).toContain('how often: 147 events from 2017-03-30T15:54:19Z to 2017-03-30T16:01:35Z');
    expect(text).toContain('\n  2017-03-30T15:54:19Z Failed password for elastic_user_0');
    expect(text).toContain('Dashboard: https://klaxon.example.com/incidents/42');
    expect(text.endsWith('-- \nincident #42 · message 17 on soc\n')).toBe(true);
  });

  it('escapes markup from attacker-chosen values in the HTML part', () => {
    const { html, subject } = renderEmail(sampleNotification({ incident: HOSTILE_INCIDENT }), config);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>admin');
    expect(html).toContain(
      '&lt;b&gt;admin&lt;/b&gt; &amp; &quot;root&quot; &lt;script&gt;alert(1)&lt;/script&gt;',
    );
    expect(subject).toBe('[P2] #43 Brute force against <admin> & co (opened)');
  });

  it('keeps line breaks and terminal escapes in a user name from forging lines', () => {
    const incident = { ...SAMPLE_INCIDENT, group: { 'user.name': 'eve\r\nseverity: low\u001b[2J\u202e' } };
    const { text, subject } = renderEmail(sampleNotification({ incident, kind: 'updated' }), config);
    expect(text).toContain('who/where: user.name=eve  severity: low [2J\uFFFD\n');
    expect(text).not.toContain('\r');
    expect(subject).toBe('[P2] #42 SSH brute force from one address (updated)');
  });

  it('links only to the dashboard for link-level detail', () => {
    const payload = renderEmail(sampleNotification({ detail: 'link' }), config);
    expect(payload.subject).toBe('Incident #42, P2, opened: open the dashboard');
    expect(payload.text).not.toContain('24.151.103.17');
    expect(payload.html).toContain('<a href="https://klaxon.example.com/incidents/42">');
  });

  it('does not link a dashboard URL that is not http(s)', () => {
    const { html } = renderEmail(sampleNotification({ dashboardUrl: 'javascript:alert(1)' }), config);
    expect(html).not.toContain('href');
  });

  it('gives a neutral subject only when the message will be encrypted', () => {
    expect(renderEmail(sampleNotification(), encrypted).neutralSubject).toBe('Klaxon notification #42');
    expect(
      renderEmail(
        sampleNotification({
          kind: 'heartbeat',
          incident: undefined,
          heartbeat: { lastSerial: 3, deadLetters: 0 },
        }),
        encrypted,
      ).neutralSubject,
    ).toBe('Klaxon notification');
    expect(renderEmail(sampleNotification(), config)).not.toHaveProperty('neutralSubject');
  });

  it('clips a huge title but keeps the status in the subject, and counts what it left out', () => {
    const huge = 'x'.repeat(50_000);
    const incident = { ...SAMPLE_INCIDENT, title: huge, group: { 'user.name': huge }, runbook: huge };
    const digest = {
      incidents: Array.from({ length: 2_000 }, (_, i) => ({ ...incident, serial: i + 1 })),
      from: 0,
      to: 1,
    };
    const payload = renderEmail(sampleNotification({ incident: undefined, kind: 'digest', digest }), config);
    expect(payload.subject).toBe('Klaxon digest: 2000 incidents');
    expect(payload.text.length).toBeLessThan(110_000);
    expect(payload.text).toMatch(/\(\d+ more lines left out of this e-mail\)/);
    const single = renderEmail(sampleNotification({ incident }), config);
    expect(single.subject).toHaveLength(200);
    expect(single.subject.endsWith('x… (opened)')).toBe(true);
  });
});
