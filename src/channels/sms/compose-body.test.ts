import { describe, expect, it } from 'vitest';
import { SAMPLE_INCIDENT, sampleNotification } from '../testdata/notifications.ts';
import { composeSmsBody, SMS_BODY_LIMIT } from './compose-body.ts';
import { measureSmsText } from './sms-text.ts';

describe('composeSmsBody', () => {
  it('writes priority, serial, title, verb, group, count and link in one GSM segment', () => {
    const body = composeSmsBody(sampleNotification());
    expect(body).toBe(
      '[P2] #42 SSH brute force from one address - opened: source.ip=24.151.103.17, 147 events. https://klaxon.example.com/incidents/42',
    );
    expect(measureSmsText(body)).toMatchObject({ encoding: 'gsm7' });
    expect(measureSmsText(body).units).toBeLessThanOrEqual(160);
  });

  it('clips a long title first and keeps the verb, group, count and link', () => {
    const incident = {
      ...SAMPLE_INCIDENT,
      title: 'Password spraying against many accounts from a single address in the DMZ',
    };
    const body = composeSmsBody(
      sampleNotification({ kind: 'resolved', incident: { ...incident, status: 'resolved' } }),
    );
    expect(measureSmsText(body).units).toBeLessThanOrEqual(160);
    expect(body).toMatch(
      /^\[P2\] #42 Password spraying.*\.\.\. - resolved: source\.ip=24\.151\.103\.17, 147 events\. https:\/\/klaxon\.example\.com\/incidents\/42$/,
    );
  });

  it('does not let $ patterns in a title rewrite the text', () => {
    const body = composeSmsBody(
      sampleNotification({ incident: { ...SAMPLE_INCIDENT, title: "Cost $& $' probe" } }),
    );
    expect(body.startsWith("[P2] #42 Cost $& $' probe - opened:")).toBe(true);
  });

  it('sends only the serial, priority and link at the link detail level', () => {
    expect(composeSmsBody(sampleNotification({ detail: 'link' }))).toBe(
      'Incident #42, P2, opened: open the dashboard https://klaxon.example.com/incidents/42',
    );
  });

  it('carries the text of a meta-alert', () => {
    const body = composeSmsBody(
      sampleNotification({
        kind: 'meta',
        incident: undefined,
        text: 'Channel soc-telegram went dead: HTTP 401',
      }),
    );
    expect(body).toBe(
      'Klaxon notice: Channel soc-telegram went dead: HTTP 401 https://klaxon.example.com/incidents/42',
    );
  });

  it('fits one segment even with a huge group, clipping title and group', () => {
    const incident = { ...SAMPLE_INCIDENT, group: { 'user.name': 'u'.repeat(5000) } };
    const body = composeSmsBody(sampleNotification({ incident }));
    expect(measureSmsText(body).units).toBeLessThanOrEqual(160);
    expect(body).toMatch(
      /^\[P2\] #42 SSH brute\.\.\. - opened: user\.name=u+\.\.\., 147 events\. https:\/\/klaxon\.example\.com\/incidents\/42$/,
    );
  });

  it('goes to several segments, under 1600 with the link kept, when UCS-2 text cannot fit 70', () => {
    const incident = { ...SAMPLE_INCIDENT, group: { 'user.name': 'Иван'.repeat(1000) } };
    const body = composeSmsBody(sampleNotification({ incident }));
    expect(measureSmsText(body).encoding).toBe('ucs2');
    expect(body.length).toBeLessThanOrEqual(SMS_BODY_LIMIT);
    expect(body.startsWith('[P2] #42 SSH brute force from one address - opened: user.name=Иван')).toBe(true);
    expect(body.endsWith('... https://klaxon.example.com/incidents/42')).toBe(true);
  });

  it('shrinks a long group to fit one segment when the title alone is not enough', () => {
    const incident = {
      ...SAMPLE_INCIDENT,
      group: { 'user.name': 'a'.repeat(60), 'source.ip': '203.0.113.9' },
    };
    const body = composeSmsBody(sampleNotification({ incident }));
    expect(measureSmsText(body).units).toBeLessThanOrEqual(160);
    expect(body).toContain('user.name=aaaa');
    expect(body).toContain('..., 147 events. https://klaxon.example.com/incidents/42');
  });
});
