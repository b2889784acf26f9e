import { beforeEach, describe, expect, it } from 'vitest';
import { useApi } from './testdata/api-fixture.ts';
import { openIncident } from './testdata/incidents.ts';
import { childrenNamed, parseXml } from './testdata/parse-xml.ts';

const api = useApi({ publicUrl: 'https://klaxon.example.org/' });
let token: string;
beforeEach(async () => {
  token = await api.createToken(await api.logIn('ada', 'admin'), 'feeds', ['read']);
});

describe('GET /feed.atom', () => {
  it('is an Atom feed of the newest incidents, each linking to the dashboard', async () => {
    await openIncident(api.store, { group: { 'source.ip': '203.0.113.9' } });
    await openIncident(api.store, {
      title: 'Odd <script>alert("x")</script> & co',
      group: { 'user.name': 'bob\u0007 "the builder" <b>' },
      priority: 'P1',
    });
    const response = await api.app.inject({
      method: 'GET',
      url: '/api/v1/feed.atom',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parseXml(response.body);
    expect(feed.name).toBe('feed');
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(2);
    const [newest, oldest] = entries.map((entry) => ({
      title: childrenNamed(entry, 'title')[0]?.text,
      link: childrenNamed(entry, 'link')[0]?.attributes.href,
      id: childrenNamed(entry, 'id')[0]?.text,
    }));
    expect(newest).toEqual({
      title: '#2 P1 Odd <script>alert("x")</script> & co (user.name=bob "the builder" <b>)',
      link: 'https://klaxon.example.org/incidents/2',
      id: 'urn:klaxon:incident:2',
    });
    expect(oldest?.link).toBe('https://klaxon.example.org/incidents/1');
    expect(response.body).not.toContain('<script>');
  });

  it('keeps to the newest 50', async () => {
    for (let i = 0; i < 52; i++) await openIncident(api.store);
    const response = await api.app.inject({ method: 'GET', url: `/api/v1/feed.atom?token=${token}` });
    const entries = childrenNamed(parseXml(response.body), 'entry');
    expect(entries).toHaveLength(50);
    expect(childrenNamed(entries[0]!, 'id')[0]?.text).toBe('urn:klaxon:incident:52');
  });

  it('is valid without incidents, and refuses readers without a read token', async () => {
    const response = await api.app.inject({ method: 'GET', url: `/api/v1/feed.atom?token=${token}` });
    expect(childrenNamed(parseXml(response.body), 'entry')).toEqual([]);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/v1/feed.atom?token=klx_wrong' })).statusCode,
    ).toBe(401);
  });
});

describe('the test XML reader', () => {
  it('rejects what is not well-formed', () => {
    for (const bad of [
      '<a><b></a>',
      '<a>x & y</a>',
      '<a x="1" x="2"/>',
      '<a/><b/>',
      '<a>&nbsp;</a>',
      '<a>\u0001</a>',
    ])
      expect(() => parseXml(bad), bad).toThrow();
  });
});
