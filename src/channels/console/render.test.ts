import { describe, expect, it } from 'vitest';
import { SAMPLE_INCIDENT, sampleNotification } from '../testdata/notifications.ts';
import { renderConsole } from './render.ts';

describe('renderConsole', () => {
  it('prints the title, indented facts, evidence, link and footer', () => {
    const lines = renderConsole(sampleNotification()).text.split('\n');
    expect(lines[0]).toBe('[P2] #42 SSH brute force from one address — opened');
    expect(lines).toContain('  who/where: source.ip=24.151.103.17');
    expect(
      lines.some((line) => line.startsWith('  > 2017-03-30T15:54:19Z Failed password for elastic_user_0')),
    ).toBe(true);
    expect(lines.slice(-3)).toEqual([
      '  https://klaxon.example.com/incidents/42',
      '  (incident #42 · message 17 on soc)',
      '',
    ]);
  });

  it('removes terminal escape sequences and line breaks an attacker put in a user name', () => {
    const incident = {
      ...SAMPLE_INCIDENT,
      group: { 'user.name': 'eve\u001b[2J\u001b]0;pwned\u0007\nfake line' },
    };
    const { text } = renderConsole(sampleNotification({ incident }));
    // eslint-disable-next-line no-control-regex -- control characters are what this checks for
    expect(text).not.toMatch(/[\u001b\u0007]/);
    expect(text).toContain('  who/where: user.name=eve [2J ]0;pwned  fake line\n');
  });

  it('shortens a digest of many incidents', () => {
    const digest = {
      incidents: Array.from({ length: 100 }, (_, i) => ({ ...SAMPLE_INCIDENT, serial: i + 1 })),
      from: 0,
      to: 1,
    };
    const { text } = renderConsole(sampleNotification({ kind: 'digest', incident: undefined, digest }));
    expect(text).toContain('  … 71 more\n');
    expect(text.split('\n').length).toBeLessThan(40);
  });
});
