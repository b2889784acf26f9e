import { describe, expect, it } from 'vitest';
import { HOSTILE_INCIDENT, SAMPLE_INCIDENT, sampleNotification } from '../testdata/notifications.ts';
import { TEAMS_MAX_BYTES } from './card.ts';
import type { TeamsMessage } from './card.ts';
import { renderTeams } from './render.ts';
import { teamsConfigSchema } from './schema.ts';

const config = teamsConfigSchema.parse({});

function lines(message: TeamsMessage): string[] {
  return message.attachments[0].content.body.map((block) => block.inlines.map((run) => run.text).join(''));
}

describe('renderTeams', () => {
  it('wraps an Adaptive Card in the message envelope the Workflows webhook takes', () => {
    const message = renderTeams(sampleNotification(), config);
    expect(message.type).toBe('message');
    expect(message.attachments[0]).toMatchObject({
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: { type: 'AdaptiveCard', version: '1.2', msteams: { width: 'Full' } },
    });
    expect(message.attachments[0].content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open in Klaxon', url: 'https://klaxon.example.com/incidents/42' },
    ]);
  });

  it('shows title, facts, evidence in monospace and the footer, in order', () => {
    const message = renderTeams(sampleNotification(), config);
    const text = lines(message);
    expect(text[0]).toBe('[P2] #42 SSH brute force from one address — opened');
    expect(text[1]).toBe('who/where: source.ip=24.151.103.17');
    expect(text).toContain('Evidence');
    expect(text.at(-1)).toBe('incident #42 · message 17 on soc');
    const evidence = message.attachments[0].content.body.find(
      (block) => block.inlines[0]?.fontType === 'Monospace',
    );
    expect(evidence?.inlines[0]?.text).toMatch(
      /^2017-03-30T15:54:19Z Failed password for elastic_user_0 from 24.151.103.17/,
    );
  });

  it('colours the title by what happened', () => {
    const title = (kind: 'opened' | 'resolved') =>
      renderTeams(sampleNotification({ kind }), config).attachments[0].content.body[0]?.inlines[0]?.color;
    expect(title('opened')).toBe('Attention');
    expect(title('resolved')).toBe('Good');
  });

  it('keeps hostile text literal in TextRuns, which Teams never reads as Markdown', () => {
    const message = renderTeams(sampleNotification({ incident: HOSTILE_INCIDENT }), config);
    expect(lines(message)).toContain('who/where: user.name=<b>admin</b> & "root" <script>alert(1)</script>');
    expect(JSON.stringify(message)).not.toContain('"TextBlock"');
  });

  it('omits the width hint and the button when not configured or unknown', () => {
    const narrow = teamsConfigSchema.parse({ full_width: false });
    const card = renderTeams(sampleNotification({ dashboardUrl: undefined }), narrow).attachments[0].content;
    expect(card.msteams).toBeUndefined();
    expect(card.actions).toBeUndefined();
  });

  it('stays under the size limit, leaving out what does not fit with a note', () => {
    const samples = Array.from({ length: 300 }, (_, i) => ({
      '@timestamp': '2017-03-30T15:54:19.000Z',
      event: { original: `line ${i} ${'é'.repeat(290)}` },
    }));
    const message = renderTeams(sampleNotification({ incident: { ...SAMPLE_INCIDENT, samples } }), config);
    expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    const text = lines(message);
    expect(text).toContain('Some details are not shown here: open the incident in Klaxon.');
    expect(text).toContain('runbook: Block the address at the edge; check for an Accepted login from it.');
    expect(text.at(-1)).toBe('incident #42 · message 17 on soc');
  });
});
