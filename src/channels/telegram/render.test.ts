import { describe, expect, it } from 'vitest';
import { HOSTILE_INCIDENT, sampleNotification } from '../testdata/notifications.ts';
import { renderTelegram } from './render.ts';
import { telegramConfigSchema } from './schema.ts';

const config = telegramConfigSchema.parse({ chat_id: -1001234567890 });

describe('renderTelegram', () => {
  it('renders a sendMessage body in HTML parse mode without link previews', () => {
    const message = renderTelegram(sampleNotification(), config);
    expect(message).toMatchObject({
      chat_id: -1001234567890,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      disable_web_page_preview: true,
    });
    expect(message).not.toHaveProperty('disable_notification');
    expect(message.text).toContain('<b>[P2] #42 SSH brute force from one address — opened</b>');
    expect(message.text).toContain('<b>who/where:</b> source.ip=24.151.103.17');
    expect(message.text).toContain('Failed password for elastic_user_0 from 24.151.103.17 port 57310 ssh2');
    expect(message.text).toContain('<i>incident #42 · message 17 on soc</i>');
  });

  it('escapes an attacker-chosen user name so it cannot become markup', () => {
    const message = renderTelegram(sampleNotification({ incident: HOSTILE_INCIDENT }), config);
    expect(message.text).toContain(
      '&lt;b&gt;admin&lt;/b&gt; &amp; &quot;root&quot; &lt;script&gt;alert(1)&lt;/script&gt;',
    );
    expect(message.text).toContain('Brute force against &lt;admin&gt; &amp; co');
    expect(message.text).not.toMatch(/<(?!\/?(b|i|pre|a)[ >])/);
  });

  it('sends silently and into a forum topic when configured', () => {
    const quiet = telegramConfigSchema.parse({
      chat_id: '@klaxon_alerts',
      disable_notification: true,
      message_thread_id: 7,
    });
    expect(renderTelegram(sampleNotification(), quiet)).toMatchObject({
      chat_id: '@klaxon_alerts',
      disable_notification: true,
      message_thread_id: 7,
    });
  });
});
