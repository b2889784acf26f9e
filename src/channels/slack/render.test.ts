import { describe, expect, it } from 'vitest';
import { HOSTILE_INCIDENT, SAMPLE_INCIDENT, sampleNotification } from '../testdata/notifications.ts';
import type { SlackBlock } from './blocks.ts';
import { renderSlack } from './render.ts';
import { slackConfigSchema } from './schema.ts';

const config = slackConfigSchema.parse({});

function texts(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'header') return [block.text.text];
    if (block.type === 'context') return block.elements.map((element) => element.text);
    if (block.type === 'actions') return block.elements.map((button) => button.text.text);
    if (block.type === 'input') return [block.label.text];
    return [...(block.text ? [block.text.text] : []), ...(block.fields ?? []).map((field) => field.text)];
  });
}

describe('renderSlack', () => {
  it('renders header, fact fields, evidence code block, link and footer in that order', () => {
    const message = renderSlack(sampleNotification(), config);
    expect(message.blocks.map((block) => block.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'context',
    ]);
    expect(message.text).toBe('[P2] #42 SSH brute force from one address — opened');
    const all = texts(message.blocks);
    expect(all).toContain('*who/where*\nsource.ip=24.151.103.17');
    expect(
      all.find((text) => text.startsWith('*Evidence*\n```\n2017-03-30T15:54:19Z Failed password')),
    ).toBeDefined();
    expect(all).toContain('<https://klaxon.example.com/incidents/42|Open in Klaxon>');
    expect(all.at(-1)).toBe('incident #42 · message 17 on soc');
    expect(message).toMatchObject({ unfurl_links: false, unfurl_media: false });
  });

  it('escapes hostile user names so they cannot ping, link or format', () => {
    const message = renderSlack(sampleNotification({ incident: HOSTILE_INCIDENT }), config);
    expect(texts(message.blocks)).toContain(
      '*who/where*\nuser.name=&lt;b&gt;admin&lt;/b&gt; &amp; "root" &lt;script&gt;alert(1)&lt;/script&gt;',
    );
    expect(message.text).toBe('[P2] #43 Brute force against &lt;admin&gt; &amp; co — opened');
  });

  it('mentions only on opened incidents of the configured priorities', () => {
    const paging = slackConfigSchema.parse({
      mention: '<!subteam^S012AB3CD>',
      mention_priorities: ['P1', 'P2'],
    });
    expect(texts(renderSlack(sampleNotification(), paging).blocks)).toContain('<!subteam^S012AB3CD>');
    expect(texts(renderSlack(sampleNotification({ kind: 'updated' }), paging).blocks)).not.toContain(
      '<!subteam^S012AB3CD>',
    );
    const p1Only = slackConfigSchema.parse({ mention: '<!here>' });
    expect(texts(renderSlack(sampleNotification(), p1Only).blocks)).not.toContain('<!here>');
  });

  it('puts Acknowledge, Resolve and a reason box before the footer when slack_users is set', () => {
    const interactive = slackConfigSchema.parse({ slack_users: { U024BE7LH: 'alice' } });
    const message = renderSlack(sampleNotification(), interactive);
    expect(message.blocks.map((block) => block.type).slice(-3)).toEqual(['input', 'actions', 'context']);
    const actions = message.blocks.find((block) => block.type === 'actions');
    expect(actions).toMatchObject({
      elements: [
        { action_id: 'klaxon_ack', value: 'ack:42', text: { text: 'Acknowledge' } },
        { action_id: 'klaxon_resolve', value: 'resolve:42', text: { text: 'Resolve' } },
      ],
    });
    const acknowledged = sampleNotification({
      kind: 'updated',
      incident: { ...SAMPLE_INCIDENT, status: 'acknowledged' },
    });
    const later = renderSlack(acknowledged, interactive).blocks.find((block) => block.type === 'actions');
    expect(later).toMatchObject({ elements: [{ value: 'resolve:42' }] });
    const resolved = sampleNotification({
      kind: 'resolved',
      incident: { ...SAMPLE_INCIDENT, status: 'resolved' },
    });
    expect(renderSlack(resolved, interactive).blocks.some((block) => block.type === 'actions')).toBe(false);
    expect(renderSlack(sampleNotification(), config).blocks.some((block) => block.type === 'actions')).toBe(
      false,
    );
  });

  it('carries no facts or evidence at link detail', () => {
    const message = renderSlack(sampleNotification({ detail: 'link' }), config);
    expect(JSON.stringify(message)).not.toContain('24.151.103.17');
    expect(message.blocks.map((block) => block.type)).toEqual(['header', 'section', 'context']);
  });

  it('drops the blocks that do not fit and says details are not shown', () => {
    const incidents = Array.from({ length: 700 }, (_, i) => ({ ...SAMPLE_INCIDENT, serial: i + 1 }));
    const message = renderSlack(
      sampleNotification({ kind: 'digest', incident: undefined, digest: { incidents, from: 0, to: 1 } }),
      config,
    );
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(texts(message.blocks)).toContain(
      '_Some details are not shown here: open the incident in Klaxon._',
    );
    expect(message.blocks.at(-1)?.type).toBe('context');
  });

  it('keeps evidence lines whole and counts the ones left out', () => {
    const samples = Array.from({ length: 40 }, (_, i) => ({
      '@timestamp': '2017-03-30T15:54:19.000Z',
      event: { module: 'system', action: 'ssh_login', original: `raw ${i}` },
      message: `line ${i} ${'z'.repeat(200)}`,
    }));
    const message = renderSlack(sampleNotification({ incident: { ...SAMPLE_INCIDENT, samples } }), config);
    const evidence = texts(message.blocks).find((text) => text.startsWith('*Evidence*')) ?? '';
    expect(evidence.length).toBeLessThanOrEqual(3000);
    const shown = evidence.split('\n').filter((line) => line.startsWith('2017-03-30T15:54:19Z line ')).length;
    expect(evidence).toMatch(new RegExp(`\n\`\`\`\n_${40 - shown} more lines not shown_$`));
    expect(shown).toBeGreaterThan(5);
  });
});
