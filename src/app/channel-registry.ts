import type { ChannelDefinition } from '../core/index.ts';
import { consoleChannel } from '../channels/console/index.ts';
import { emailChannel } from '../channels/email/index.ts';
import { fileChannel } from '../channels/file/index.ts';
import { pagerdutyChannel } from '../channels/pagerduty/index.ts';
import { slackChannel } from '../channels/slack/index.ts';
import { smsChannel } from '../channels/sms/index.ts';
import { syslogChannel } from '../channels/syslog/index.ts';
import { teamsChannel } from '../channels/teams/index.ts';
import { telegramChannel } from '../channels/telegram/index.ts';
import { webhookChannel } from '../channels/webhook/index.ts';

/** Every channel type by its `type:` id: the one place that knows them all (adding one is one line). */
export const CHANNEL_TYPES: ReadonlyMap<string, ChannelDefinition<unknown, unknown, unknown>> = new Map(
  [
    telegramChannel,
    emailChannel,
    slackChannel,
    teamsChannel,
    pagerdutyChannel,
    smsChannel,
    webhookChannel,
    syslogChannel,
    consoleChannel,
    fileChannel,
  ].map((definition) => [definition.type, definition as ChannelDefinition<unknown, unknown, unknown>]),
);
