import type { ChannelDefinition } from '../channel.ts';
import type { PagerdutyEvent } from './render.ts';
import { renderPagerduty } from './render.ts';
import type { PagerdutyConfig, PagerdutySecrets } from './schema.ts';
import { pagerdutyConfigSchema, pagerdutySecretsSchema } from './schema.ts';
import { sendPagerduty } from './send.ts';

export type { PagerdutyEvent } from './render.ts';
export type { PagerdutyConfig, PagerdutySecrets } from './schema.ts';

/** PagerDuty Events API v2: one alert per incident (`klaxon-<serial>`), triggered, acknowledged, resolved. */
export const pagerdutyChannel: ChannelDefinition<PagerdutyConfig, PagerdutySecrets, PagerdutyEvent> = {
  type: 'pagerduty',
  configSchema: pagerdutyConfigSchema,
  secretsSchema: pagerdutySecretsSchema,
  render: renderPagerduty,
  send: sendPagerduty,
};
