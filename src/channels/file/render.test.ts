import { describe, expect, it } from 'vitest';
import { HOSTILE_INCIDENT, sampleNotification } from '../testdata/notifications.ts';
import { renderFile } from './render.ts';

describe('renderFile', () => {
  it('writes one JSON line with the identity, the incident fields and the shared message', () => {
    const { line } = renderFile(sampleNotification());
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toMatchObject({
      id: 'ntf-42-opened-soc',
      kind: 'opened',
      channel: 'soc',
      sequence: 17,
      created_at: '2017-03-30T15:55:03.000Z',
      incident: {
        serial: 42,
        rule_id: 'ssh-brute-force-source',
        group: { 'source.ip': '24.151.103.17' },
        count: 147,
      },
      message: {
        title: '[P2] #42 SSH brute force from one address — opened',
        link: 'https://klaxon.example.com/incidents/42',
        footer: 'incident #42 · message 17 on soc',
      },
    });
  });

  it('keeps hostile text intact as JSON data on one line', () => {
    const { line } = renderFile(
      sampleNotification({ incident: { ...HOSTILE_INCIDENT, group: { 'user.name': 'a\nb"c' } } }),
    );
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line).incident.group['user.name']).toBe('a\nb"c');
  });

  it('reduces the incident to serial, priority and status at link detail', () => {
    const record = JSON.parse(renderFile(sampleNotification({ detail: 'link' })).line);
    expect(record.incident).toEqual({ serial: 42, priority: 'P2', status: 'open' });
    expect(record.message.facts).toEqual([]);
  });
});
