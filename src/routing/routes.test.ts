import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Incident } from '../core/index.ts';
import { routesSchema } from './route-schema.ts';
import { isCatchAll, matchRoutes } from './routes.ts';
import { makeIncident } from './testdata/make-incident.ts';

const ROUTES = routesSchema.parse(
  parseYaml(`
- name: page
  match: { priority: [P1, P2] }
  channels: [soc-telegram, soc-mail]
  continue: true
- name: web-team
  match: { rule: [web-admin-probe, web-sqli], service.name: [shop, blog] }
  channels: [web-slack]
- name: urgent-only
  match: { priority: P1 }
  channels: [pager]
- name: archive-ssh
  match: { rule: ssh-brute-force-source }
  channels: [archive]
  continue: true
- name: digest
  match: { priority: [P3, P4, P5] }
  channels: [soc-mail]
  digest: "0 8 * * *"
`),
);

function incident(overrides: Partial<Incident>): Incident {
  return makeIncident({ ruleId: 'other-rule', group: {}, priority: 'P3', ...overrides });
}

describe('matchRoutes', () => {
  it.each<[string, Partial<Incident>, string[]]>([
    [
      'P2 of ssh brute force continues past page and archive-ssh',
      { priority: 'P2', ruleId: 'ssh-brute-force-source' },
      ['page', 'archive-ssh'],
    ],
    [
      'P1 of a web rule stops at web-team',
      { priority: 'P1', ruleId: 'web-sqli', group: { 'service.name': 'shop' } },
      ['page', 'web-team'],
    ],
    [
      'P1 of a web rule for another service goes on to urgent-only',
      { priority: 'P1', ruleId: 'web-sqli', group: { 'service.name': 'wiki' } },
      ['page', 'urgent-only'],
    ],
    [
      'P4 web incident lacking the group field skips web-team',
      { priority: 'P4', ruleId: 'web-admin-probe' },
      ['digest'],
    ],
    [
      'P3 web incident of the right service stops at web-team',
      { priority: 'P3', ruleId: 'web-admin-probe', group: { 'service.name': 'blog' } },
      ['web-team'],
    ],
    [
      'P5 of ssh brute force continues past archive to digest',
      { priority: 'P5', ruleId: 'ssh-brute-force-source' },
      ['archive-ssh', 'digest'],
    ],
    ['P3 of another rule goes only to digest', { priority: 'P3' }, ['digest']],
  ])('%s', (_, overrides, expected) => {
    expect(matchRoutes(incident(overrides), ROUTES).map((m) => m.route.name)).toEqual(expected);
  });

  it('gives the position of each matching route', () => {
    expect(matchRoutes(incident({ priority: 'P1' }), ROUTES).map((m) => m.index)).toEqual([0, 2]);
  });

  it('returns nothing when no route matches', () => {
    const routes = routesSchema.parse([{ match: { priority: 'P1' }, channels: ['pager'] }]);
    expect(matchRoutes(incident({ priority: 'P2' }), routes)).toEqual([]);
  });

  it('matches group fields exactly, not by prefix or case', () => {
    const routes = routesSchema.parse([{ match: { 'source.ip': ['10.0.0.1'] }, channels: ['a'] }]);
    const names = (ip: string) => matchRoutes(incident({ group: { 'source.ip': ip } }), routes).length;
    expect([names('10.0.0.1'), names('10.0.0.10'), names('10.0.0')]).toEqual([1, 0, 0]);
  });

  it('lets a catch-all route take everything', () => {
    const routes = routesSchema.parse([{ channels: ['log'] }]);
    expect(isCatchAll(routes[0]!)).toBe(true);
    expect(matchRoutes(incident({ priority: 'P5' }), routes)).toHaveLength(1);
  });
});
