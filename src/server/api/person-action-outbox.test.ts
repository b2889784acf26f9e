import { beforeEach, describe, expect, it } from 'vitest';
import type { Incident, Notification } from '../../core/index.ts';
import { routesSchema } from '../../routing/index.ts';
import type { Caller } from './testdata/api-fixture.ts';
import { useApi } from './testdata/api-fixture.ts';
import { openIncident } from './testdata/incidents.ts';

/** P1s go to the chat, the mail and the SOAR (link only); the pager hears only acks and resolutions. */
const routes = routesSchema.parse([
  { match: { priority: ['P1'] }, channels: ['soc-telegram', 'soc-mail', 'soar'], continue: true },
  { match: { priority: ['P1'] }, channels: ['pager'], person_actions: ['ack', 'resolve'] },
  { match: { priority: ['P3'] }, channels: ['never-told'] },
]);

const api = useApi({
  personActions: { routes, channelDetail: { soar: 'link' }, publicUrl: 'https://klaxon.example.org/' },
});
let rita: Caller;
beforeEach(async () => {
  rita = await api.logIn('rita', 'responder');
});

const post = (url: string, payload?: object) =>
  api.as(rita, { method: 'POST', url, ...(payload !== undefined && { payload }) });

/** Incident #1 as the notify stage told it: one `opened` per channel, Telegram's delivered as message 4711. */
async function toldP1(): Promise<Incident> {
  const incident = await openIncident(api.store, { priority: 'P1' });
  const opened = (channel: string): Omit<Notification, 'sequence'> => ({
    id: `opened-${channel}`,
    kind: 'opened',
    channel,
    detail: 'full',
    incident,
    createdAt: api.clock.now,
  });
  await api.store.outbox.enqueue(['soc-telegram', 'soc-mail', 'soar', 'pager'].map(opened), api.clock.now);
  const [claimed] = await api.store.outbox.claim('soc-telegram', 'test', api.clock.now, 1, 60_000);
  await api.store.outbox.markSent(claimed!.notification.id, api.clock.now, '4711');
  return incident;
}

async function personActions(): Promise<Notification[]> {
  const entries = await api.store.outbox.list();
  return entries
    .map((entry) => entry.notification)
    .filter((n) => n.kind === 'person-action')
    .sort((a, b) => a.channel.localeCompare(b.channel) || a.sequence - b.sequence);
}

describe("a person's action reaches the channels told about the incident", () => {
  it('enqueues one person-action notification per told channel when someone acknowledges', async () => {
    await toldP1();
    expect((await post('/api/v1/incidents/1/acknowledge', { note: 'looking' })).statusCode).toBe(200);
    const sent = await personActions();
    expect(sent.map((n) => n.channel)).toEqual(['pager', 'soar', 'soc-mail', 'soc-telegram']);
    const telegram = sent.find((n) => n.channel === 'soc-telegram');
    expect(telegram).toMatchObject({
      replyTo: '4711',
      personAction: { action: 'ack', by: 'rita', at: api.clock.now, text: 'looking' },
      incident: { serial: 1, status: 'acknowledged' },
      dashboardUrl: 'https://klaxon.example.org/incidents/1',
    });
    expect(sent.find((n) => n.channel === 'soc-mail')?.replyTo).toBeUndefined();
    // The link-level channel learns neither the person nor the note.
    expect(sent.find((n) => n.channel === 'soar')?.personAction).toEqual({
      action: 'ack',
      by: '',
      at: api.clock.now,
    });
  });

  it('leaves out channels whose routes do not want the action, and channels never told', async () => {
    await toldP1();
    await post('/api/v1/incidents/1/notes', { text: 'seen from the VPN too' });
    expect((await personActions()).map((n) => n.channel)).toEqual(['soar', 'soc-mail', 'soc-telegram']);
  });

  it('tells of assign, resolve and reopen too, each once per channel', async () => {
    await toldP1();
    await api.addUser('dave', 'responder'); // an assignee must be a Klaxon user
    await post('/api/v1/incidents/1/assign', { assignee: 'dave' });
    await post('/api/v1/incidents/1/resolve', { resolution: 'blocked at the edge' });
    await post('/api/v1/incidents/1/reopen', { reason: 'it came back' });
    const telegram = (await personActions()).filter((n) => n.channel === 'soc-telegram');
    expect(telegram.map((n) => [n.personAction?.action, n.personAction?.text, n.incident?.status])).toEqual([
      ['assign', 'dave', 'open'],
      ['resolve', 'blocked at the edge', 'resolved'],
      ['reopen', 'it came back', 'open'],
    ]);
    const pager = (await personActions()).filter((n) => n.channel === 'pager');
    expect(pager.map((n) => n.personAction?.action)).toEqual(['resolve']);
  });

  it('enqueues nothing when the action is refused', async () => {
    await toldP1();
    await post('/api/v1/incidents/1/resolve', { resolution: 'done' });
    expect((await post('/api/v1/incidents/1/acknowledge')).statusCode).toBe(409);
    expect((await personActions()).filter((n) => n.personAction?.action === 'ack')).toEqual([]);
  });
});
