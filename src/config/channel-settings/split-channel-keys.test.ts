import { describe, expect, it } from 'vitest';
import { splitChannelKeys } from './split-channel-keys.ts';

const keys = { config: new Set(['chat_id', 'headers']), secrets: new Set(['bot_token', 'headers']) };
const at = ['channels', 'ops'];

describe('splitChannelKeys', () => {
  it('sorts keys into config, secrets, secret files and Klaxon settings', () => {
    const split = splitChannelKeys(
      { chat_id: 1, bot_token_file: './token', detail: 'link', rate_limit: '1/s' },
      keys,
      'telegram',
      at,
    );
    expect(split.config).toEqual({ chat_id: 1 });
    expect(split.secrets).toEqual({});
    expect([...split.secretFiles]).toEqual([['bot_token', { key: 'bot_token_file', path: './token' }]]);
    expect(split.own).toEqual({ detail: 'link', rate_limit: '1/s' });
    expect(split.issues).toEqual([]);
  });

  it('gives the channel a key it knows itself rather than taking it as a Klaxon setting', () => {
    const split = splitChannelKeys(
      { detail: 'x' },
      { config: new Set(['detail']), secrets: new Set() },
      'custom',
      at,
    );
    expect(split.config).toEqual({ detail: 'x' });
    expect(split.own).toEqual({});
  });

  it('reports keys both schemas know, unknown keys and a secret given twice', () => {
    const split = splitChannelKeys(
      { headers: {}, chatid: 1, bot_token: 'a', bot_token_file: 'b' },
      keys,
      'telegram',
      at,
    );
    expect(split.issues).toEqual([
      {
        path: [...at, 'headers'],
        part: 'key',
        message: expect.stringContaining('both a setting and a secret'),
      },
      {
        path: [...at, 'chatid'],
        part: 'key',
        message: 'unknown field `chatid` for a telegram channel; did you mean `chat_id`?',
      },
      {
        path: [...at, 'bot_token_file'],
        part: 'key',
        message: 'set `bot_token` or `bot_token_file`, not both',
      },
    ]);
    expect([...split.reported]).toEqual(['headers']);
  });
});
