import { describe, expect, it } from 'vitest';
import { scrubSecrets } from './scrub-secrets.ts';

describe('scrubSecrets', () => {
  it.each([
    ['POST https://hooks.slack.com/services/T0/B0/XYZ failed', 'POST https://hooks.slack.com/… failed'],
    ['smtp://mailer:pa55@mail.example.org:587 refused', 'smtp://mail.example.org:587/… refused'],
    ['https://api.telegram.org/bot123:ABCDEFGHIJKLMNOPQRSTUVWXYZ/sendMessage', 'https://api.telegram.org/…'],
    ['token bot123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ rejected', 'token bot<secret> rejected'],
    ['sent Authorization: Bearer abc.def.ghi', 'sent Authorization: Bearer <secret>'],
    ['query had token=abc123&x=1 and key=zzz', 'query had token=<secret>&x=1 and key=<secret>'],
  ])('%s', (text, shown) => {
    expect(scrubSecrets(text)).toBe(shown);
  });

  it('leaves plain words alone', () => {
    const text = 'chat -100123 (silent), 429 rate limited: the bot token was fine; soc@example.org';
    expect(scrubSecrets(text)).toBe(text);
  });
});
