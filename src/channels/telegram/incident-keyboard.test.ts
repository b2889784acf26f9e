import { describe, expect, it } from 'vitest';
import { SAMPLE_INCIDENT, sampleNotification } from '../testdata/notifications.ts';
import { parseChatAction } from './incident-keyboard.ts';
import { renderTelegram } from './render.ts';
import { telegramConfigSchema } from './schema.ts';

const withUsers = telegramConfigSchema.parse({ chat_id: -100123, telegram_users: { '123456789': 'alice' } });

describe('incident buttons on Telegram messages', () => {
  it('puts Acknowledge and Resolve under an open incident when people are mapped', () => {
    const message = renderTelegram(sampleNotification(), withUsers);
    expect(message.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: 'Acknowledge', callback_data: 'ack:42' },
          { text: 'Resolve', callback_data: 'resolve:42' },
        ],
      ],
    });
    for (const button of message.reply_markup!.inline_keyboard.flat())
      expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
  });

  it('puts them under an escalation too, but not under a digest or test message', () => {
    const escalation = sampleNotification({
      kind: 'escalated',
      escalation: { step: 1, unacknowledgedMs: 600_000 },
    });
    expect(renderTelegram(escalation, withUsers).reply_markup?.inline_keyboard[0]).toHaveLength(2);
    const test = sampleNotification({ kind: 'test', text: 'hello' });
    delete test.incident;
    expect(renderTelegram(test, withUsers)).not.toHaveProperty('reply_markup');
  });

  it('offers only Resolve once acknowledged, nothing once resolved, and none when switched off', () => {
    const acked = { ...SAMPLE_INCIDENT, status: 'acknowledged' as const };
    expect(renderTelegram(sampleNotification({ incident: acked }), withUsers).reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Resolve', callback_data: 'resolve:42' }]],
    });
    const resolved = { ...SAMPLE_INCIDENT, status: 'resolved' as const };
    expect(
      renderTelegram(sampleNotification({ kind: 'resolved', incident: resolved }), withUsers),
    ).not.toHaveProperty('reply_markup');
    const off = telegramConfigSchema.parse({
      chat_id: -100123,
      telegram_users: { '1': 'bob' },
      buttons: false,
    });
    expect(renderTelegram(sampleNotification(), off)).not.toHaveProperty('reply_markup');
    expect(
      renderTelegram(sampleNotification(), telegramConfigSchema.parse({ chat_id: 1 })),
    ).not.toHaveProperty('reply_markup');
  });

  it('reads back only well-formed callback data', () => {
    expect(parseChatAction('ack:42')).toEqual({ action: 'ack', serial: 42 });
    expect(parseChatAction('resolve:7')).toEqual({ action: 'resolve', serial: 7 });
    for (const bad of [
      'ack:',
      'ack:0',
      'ack:-1',
      'drop:1',
      'ack:1;x',
      42,
      undefined,
      'ack:99999999999999999',
    ])
      expect(parseChatAction(bad)).toBeUndefined();
  });

  it('refuses a Telegram user id that is not a number', () => {
    expect(telegramConfigSchema.safeParse({ chat_id: 1, telegram_users: { alice: 'alice' } }).success).toBe(
      false,
    );
  });
});
