import { describe, expect, it } from 'vitest';
import { formatIssue } from '../core/index.ts';
import { planNotifications, routesSchema } from '../routing/index.ts';
import { makeIncident } from '../routing/testdata/make-incident.ts';
import { channelDetailOverrides } from './klaxon-config.ts';
import { loadConfigText } from './load-config.ts';
import { fakeChannelTypes, testdataPath } from './testdata/channel-types.ts';

type Setting = 'unset' | 'full' | 'link';

async function detailSent(route: Setting, channel: Setting): Promise<string | undefined> {
  const channelDetail = channel === 'unset' ? '' : `, detail: ${channel}`;
  const routeDetail = route === 'unset' ? '' : `\n    detail: ${route}`;
  const text = `channels:\n  soc: { type: chat, room: soc, token: token-0123456789${channelDetail} }\nroutes:\n  - channels: [soc]${routeDetail}\n`;
  const loaded = await loadConfigText(text, testdataPath('inline.yaml'), {
    channelTypes: fakeChannelTypes,
    routesSchema,
    env: {},
  });
  if (!loaded.ok) throw new Error(loaded.issues.map(formatIssue).join('\n'));
  const plan = planNotifications(
    { kind: 'opened', incident: makeIncident(), suppressedSince: 0 },
    loaded.config.routes,
    { now: 0, channelDetail: channelDetailOverrides(loaded.config.channels) },
  );
  const [notification] = plan.notifications;
  expect(plan.notifications).toHaveLength(1);
  // What the level promises: link messages carry no rule, names or evidence.
  if (notification?.detail === 'link') expect(notification.incident?.samples).toEqual([]);
  else expect(notification?.incident?.samples.length).toBeGreaterThan(0);
  return notification?.detail;
}

describe('detail level: the route decides unless the channel sets its own', () => {
  it.each([
    ['unset', 'unset', 'full'],
    ['unset', 'full', 'full'],
    ['unset', 'link', 'link'],
    ['full', 'unset', 'full'],
    ['full', 'full', 'full'],
    ['full', 'link', 'link'],
    ['link', 'unset', 'link'],
    ['link', 'full', 'full'],
    ['link', 'link', 'link'],
  ] as const)('route %s, channel %s → %s', async (route, channel, expected) => {
    expect(await detailSent(route, channel)).toBe(expected);
  });
});
