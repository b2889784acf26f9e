import { describe, expect, it } from 'vitest';
import { isSlackResponseUrl, parseSlackInteraction } from './interaction.ts';

const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

const press = (actionId: string, value: string, reason?: string | null) => ({
  type: 'block_actions',
  user: { id: 'U024BE7LH', username: 'alice' },
  actions: [{ type: 'button', action_id: actionId, block_id: 'klaxon_actions', value }],
  response_url: 'https://hooks.slack.com/actions/T0/1/xyz',
  state: { values: { klaxon_reason: { reason: { type: 'plain_text_input', value: reason } } } },
});

describe('parseSlackInteraction', () => {
  it('reads a press of Acknowledge and of Resolve with the typed reason', () => {
    expect(parseSlackInteraction(form(press('klaxon_ack', 'ack:42', null)))).toEqual({
      kind: 'button',
      userId: 'U024BE7LH',
      action: 'ack',
      serial: 42,
      responseUrl: 'https://hooks.slack.com/actions/T0/1/xyz',
    });
    expect(
      parseSlackInteraction(form(press('klaxon_resolve', 'resolve:7', '  false positive '))),
    ).toMatchObject({
      action: 'resolve',
      serial: 7,
      reason: 'false positive',
    });
  });

  it('ignores other payloads, other elements, forged values and garbage', () => {
    const ignored = (body: string) => parseSlackInteraction(body).kind;
    expect(ignored(form({ ...press('klaxon_ack', 'ack:1'), type: 'view_submission' }))).toBe('ignored');
    expect(ignored(form(press('other', 'ack:1')))).toBe('ignored');
    expect(ignored(form(press('klaxon_ack', 'resolve:1')))).toBe('ignored');
    expect(ignored(form(press('klaxon_ack', 'ack:0')))).toBe('ignored');
    expect(ignored(form({ ...press('klaxon_ack', 'ack:1'), user: { id: 'not a user' } }))).toBe('ignored');
    expect(ignored('payload=%7Bnot json')).toBe('ignored');
    expect(ignored('text=hello')).toBe('ignored');
    expect(ignored(`payload=${'['.repeat(100)}${']'.repeat(100)}`)).toBe('ignored');
  });

  it('keeps only a Slack response_url, so a press cannot make Klaxon call elsewhere', () => {
    const elsewhere = { ...press('klaxon_ack', 'ack:1'), response_url: 'https://attacker.example/x' };
    expect(parseSlackInteraction(form(elsewhere))).not.toHaveProperty('responseUrl');
    expect(isSlackResponseUrl('https://hooks.slack.com/actions/T0/1/x')).toBe(true);
    expect(isSlackResponseUrl('https://hooks.slack-gov.com/actions/T0/1/x')).toBe(true);
    expect(isSlackResponseUrl('https://slack.com.attacker.example/x')).toBe(false);
    expect(isSlackResponseUrl('http://hooks.slack.com/actions/x')).toBe(false);
    expect(isSlackResponseUrl('http://127.0.0.1:9/actions/x')).toBe(true);
  });
});
