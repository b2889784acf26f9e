import { describe, expect, it } from 'vitest';
import type { Incident, Notification, PersonActionNotice } from '../core/index.ts';
import { renderEmail } from './email/render.ts';
import { emailConfigSchema } from './email/schema.ts';
import { renderPagerduty } from './pagerduty/render.ts';
import { pagerdutyConfigSchema } from './pagerduty/schema.ts';
import { renderSlack } from './slack/render.ts';
import { slackConfigSchema } from './slack/schema.ts';
import { renderTeams } from './teams/render.ts';
import { teamsConfigSchema } from './teams/schema.ts';
import { renderTelegram } from './telegram/render.ts';
import { telegramConfigSchema } from './telegram/schema.ts';
import { SAMPLE_INCIDENT, sampleNotification } from './testdata/notifications.ts';
import { renderWebhook } from './webhook/render.ts';
import { webhookConfigSchema } from './webhook/schema.ts';

const AT = Date.UTC(2026, 2, 2, 9, 15, 0);

/** A person's action as the outbox holds it: the incident as it stands after it. */
function acted(
  action: PersonActionNotice['action'],
  text: string | undefined,
  incident: Partial<Incident> = {},
  extra: Partial<Notification> = {},
): Notification {
  return sampleNotification({
    kind: 'person-action',
    incident: { ...SAMPLE_INCIDENT, ...incident },
    personAction: { action, by: 'alice', at: AT, ...(text !== undefined && { text }) },
    ...extra,
  });
}

describe('person actions, rendered per channel', () => {
  it('Telegram: a short reply to the first message about the incident', () => {
    const config = telegramConfigSchema.parse({ chat_id: -100123 });
    const message = renderTelegram(acted('note', 'blocked at the edge', {}, { replyTo: '4711' }), config);
    expect(message.reply_to_message_id).toBe(4711);
    expect(message.allow_sending_without_reply).toBe(true);
    expect(message.text).toContain('#42 SSH brute force from one address — note by alice');
    expect(message.text).toContain('blocked at the edge');
    // No evidence again: the thread above has it.
    expect(message.text).not.toContain('Failed password');
  });

  it('Telegram: a plain message when no first message id is known', () => {
    const config = telegramConfigSchema.parse({ chat_id: -100123 });
    const message = renderTelegram(acted('ack', undefined, { status: 'acknowledged' }), config);
    expect(message.reply_to_message_id).toBeUndefined();
    expect(message.text).toContain('acknowledged by alice');
  });

  it("e-mail: answers the incident's opening mail, subject says who did what", () => {
    const config = emailConfigSchema.parse({ from: 'klaxon@example.com', to: ['soc@example.com'] });
    const mail = renderEmail(acted('resolve', 'false positive: pen test', { status: 'resolved' }), config);
    expect(mail.thread).toEqual({ key: 'incident-42', first: false });
    expect(mail.subject).toBe('[P2] #42 SSH brute force from one address (resolved by alice)');
    expect(mail.text).toContain('false positive: pen test');
    expect(renderEmail(sampleNotification(), config).thread).toEqual({ key: 'incident-42', first: true });
  });

  it('PagerDuty: acknowledge and resolve on the same dedup_key; a reopen triggers it again', () => {
    const config = pagerdutyConfigSchema.parse({ source: 'klaxon' });
    const ack = renderPagerduty(acted('ack', undefined, { status: 'acknowledged' }), config);
    expect(ack).toMatchObject({ event_action: 'acknowledge', dedup_key: 'klaxon-42' });
    const resolved = renderPagerduty(acted('resolve', 'blocked', { status: 'resolved' }), config);
    expect(resolved).toMatchObject({ event_action: 'resolve', dedup_key: 'klaxon-42' });
    const reopened = renderPagerduty(acted('reopen', 'it came back', { status: 'open' }), config);
    expect(reopened).toMatchObject({ event_action: 'trigger', dedup_key: 'klaxon-42' });
  });

  it('Slack and Teams: a short message with the person and their words', () => {
    const notification = acted('assign', 'bob');
    const slack = JSON.stringify(renderSlack(notification, slackConfigSchema.parse({ mention: '<!here>' })));
    expect(slack).toContain('assigned by alice');
    expect(slack).toContain('bob');
    expect(slack).not.toContain('<!here>');
    expect(slack).not.toContain('Failed password');
    const teams = JSON.stringify(renderTeams(notification, teamsConfigSchema.parse({})));
    expect(teams).toContain('assigned by alice');
    expect(teams).toContain('bob');
  });

  it('webhook: an event with the action, the person and the note', () => {
    const config = webhookConfigSchema.parse({ url: 'https://soar.example.com/hook' });
    const body = renderWebhook(acted('note', 'seen from the VPN too'), config);
    expect(body.type).toBe('incident.person-action');
    expect(body.data.personAction).toEqual({
      action: 'note',
      by: 'alice',
      at: '2026-03-02T09:15:00.000Z',
      text: 'seen from the VPN too',
    });
    expect(body.data.incident).toMatchObject({ serial: 42, status: 'open' });
  });
});
