import { beforeEach, describe, expect, it } from 'vitest';
import type { Silence } from '../../store/index.ts';
import type { Caller } from './testdata/api-fixture.ts';
import { useApi } from './testdata/api-fixture.ts';

const api = useApi();
let rita: Caller;
beforeEach(async () => {
  rita = await api.logIn('rita', 'responder');
});

const add = (payload: object) => api.as(rita, { method: 'POST', url: '/api/v1/silences', payload });
const matchers = [{ field: 'source.ip', value: '203.0.113.9' }];

describe('silences', () => {
  it('adds a silence for a duration, by the logged-in person, and lists it while active', async () => {
    const response = await add({ matchers, duration: '90m', comment: 'pentest' });
    expect(response.statusCode).toBe(200);
    const silence = response.json() as Silence;
    expect(silence).toMatchObject({
      matchers,
      startsAt: api.clock.now,
      endsAt: api.clock.now + 5_400_000,
      createdBy: 'rita',
      comment: 'pentest',
    });
    const active = () => api.as(rita, { method: 'GET', url: '/api/v1/silences?active=true' });
    expect((await active()).json()).toEqual([silence]);
    api.clock.now += 5_400_000;
    expect((await active()).json()).toEqual([]);
    expect((await api.as(rita, { method: 'GET', url: '/api/v1/silences' })).json()).toEqual([silence]);
  });

  it('takes start and end times, and lasts an hour by default', async () => {
    const start = api.clock.now + 60_000;
    const timed = (await add({ matchers, startsAt: start, endsAt: start + 5_000, comment: 'window' })).json();
    expect(timed).toMatchObject({ startsAt: start, endsAt: start + 5_000 });
    const plain = (await add({ matchers, comment: 'an hour' })).json();
    expect(plain).toMatchObject({ startsAt: api.clock.now, endsAt: api.clock.now + 3_600_000 });
  });

  it('expires a silence, once', async () => {
    const { id } = (await add({ matchers, comment: 'x' })).json() as Silence;
    const expired = await api.as(rita, { method: 'POST', url: `/api/v1/silences/${id}/expire` });
    expect(expired.json()).toMatchObject({ id, expiredBy: 'rita', expiredAt: api.clock.now });
    const again = await api.as(rita, { method: 'POST', url: `/api/v1/silences/${id}/expire` });
    expect(again.statusCode).toBe(409);
    const unknown = await api.as(rita, { method: 'POST', url: '/api/v1/silences/nope/expire' });
    expect(unknown.statusCode).toBe(404);
  });

  it('names every mistake in a new silence', async () => {
    const cases: Array<[object, string]> = [
      [{ matchers: [], comment: 'x' }, 'matchers'],
      [{ matchers, comment: '' }, 'comment'],
      [{ matchers: [{ field: 'source ip', value: 'x' }], comment: 'x' }, 'matchers.0.field'],
      [{ matchers: [{ field: 'user.name', value: '(', regex: true }], comment: 'x' }, 'matchers.0.value'],
      [
        { matchers: [{ field: 'user.name', value: '(a)\\1', regex: true }], comment: 'x' },
        'matchers.0.value',
      ],
      [
        { matchers: [{ field: 'user.name', value: 'x(?!y)', regex: true }], comment: 'x' },
        'matchers.0.value',
      ],
      [{ matchers, duration: 'soon', comment: 'x' }, 'duration'],
      [{ matchers, duration: '2h', endsAt: api.clock.now + 1, comment: 'x' }, 'duration'],
      [{ matchers, startsAt: api.clock.now, endsAt: api.clock.now, comment: 'x' }, 'endsAt'],
    ];
    for (const [payload, field] of cases) {
      const response = await add(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json(), JSON.stringify(payload)).toMatchObject({
        error: 'validation',
        details: [expect.objectContaining({ field })],
      });
    }
    expect(await api.store.silences.list()).toEqual([]);
  });
});

describe('silence preview', () => {
  it('warns about a field no rule groups on and lists the open incidents the silence would mute', async () => {
    const { openIncident } = await import('./testdata/incidents.ts');
    const hit = await openIncident(api.store, { group: { 'source.ip': '203.0.113.9' } });
    await openIncident(api.store, { group: { 'source.ip': '198.51.100.7' } });
    const closed = await openIncident(api.store, { group: { 'source.ip': '203.0.113.9' } });
    await api.store.incidents.resolve(closed.serial, 'rita', api.clock.now, 'blocked');
    const preview = (payload: object) =>
      api.as(rita, { method: 'POST', url: '/api/v1/silences/preview', payload });

    const wrong = (await preview({ matchers: [{ field: 'source_ip', value: '203.0.113.9' }] })).json();
    expect(wrong).toEqual({
      warnings: ['no rule groups on source_ip; did you mean source.ip?'],
      incidents: [],
    });
    const right = (await preview({ matchers })).json();
    expect(right.warnings).toEqual([]);
    expect(right.incidents.map((i: { serial: number }) => i.serial)).toEqual([hit.serial]);
    expect((await preview({ matchers: [{ field: 'colour', value: 'red' }] })).json().warnings).toEqual([
      'no rule groups on colour',
    ]);
  });
});
