import { describe, expect, it } from 'vitest';
import { parseChatUpdates, reasonPrompt } from './chat-updates.ts';

describe('parseChatUpdates', () => {
  it('reads button presses and replies to the bot’s reason prompt', () => {
    expect(
      parseChatUpdates([
        {
          update_id: 5,
          callback_query: { id: 'q', from: { id: 12 }, data: 'ack:42', message: { chat: { id: -100 } } },
        },
        {
          update_id: 6,
          message: {
            from: { id: 12 },
            chat: { id: -100 },
            text: '  blocked at the firewall ',
            reply_to_message: { text: reasonPrompt(42), from: { is_bot: true } },
          },
        },
      ]),
    ).toEqual([
      {
        kind: 'button',
        updateId: 5,
        callbackId: 'q',
        fromId: '12',
        chatId: -100,
        action: { action: 'ack', serial: 42 },
      },
      {
        kind: 'reason',
        updateId: 6,
        fromId: '12',
        chatId: -100,
        serial: 42,
        reason: 'blocked at the firewall',
      },
    ]);
  });

  it('ignores what it cannot use, so the offset still moves past it, and drops what has no id', () => {
    const prompt = { text: reasonPrompt(42), from: { is_bot: false } };
    expect(
      parseChatUpdates([
        { update_id: 1, callback_query: { id: 'q', from: { id: 12 }, data: 'drop table' } },
        { update_id: 2, message: { from: { id: 12 }, chat: { id: 1 }, text: 'x', reply_to_message: prompt } },
        { update_id: 3, message: { chat: { id: 1 }, text: 'hello' } },
        { update_id: 4, callback_query: 'garbled' },
        { callback_query: {} },
        null,
        'text',
      ]).map((update) => [update.kind, update.updateId]),
    ).toEqual([
      ['ignored', 1],
      ['ignored', 2],
      ['ignored', 3],
      ['ignored', 4],
    ]);
    expect(parseChatUpdates({ not: 'a list' })).toEqual([]);
  });
});
