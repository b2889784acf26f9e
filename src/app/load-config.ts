import { existsSync } from 'node:fs';
import type { KlaxonConfig } from '../config/index.ts';
import { loadConfig } from '../config/index.ts';
import { InputError, ValidationError } from '../core/index.ts';
import type { ConfiguredChannel, RateLimit } from '../outbox/index.ts';
import { telegramRateLimits } from '../channels/telegram/index.ts';
import type { Route } from '../routing/index.ts';
import { routesSchema } from '../routing/index.ts';
import { CHANNEL_TYPES } from './channel-registry.ts';
import { SOURCE_TYPES } from './source-registry.ts';

export const DEFAULT_CONFIG_FILE = './klaxon.yaml';

/** Reads klaxon.yaml with every channel type and the routes schema; any mistake is a ValidationError. */
export async function loadKlaxonConfig(path: string = DEFAULT_CONFIG_FILE): Promise<KlaxonConfig<Route>> {
  if (!existsSync(path))
    throw new InputError(`${path}: no such file (write one, or name it with --config FILE)`);
  const result = await loadConfig(path, {
    channelTypes: CHANNEL_TYPES,
    sourceTypes: SOURCE_TYPES,
    routesSchema,
  });
  if (!result.ok) throw new ValidationError(result.issues);
  return result.config;
}

/** The configured channels as the dispatcher takes them. */
export function configuredChannels(config: KlaxonConfig<Route>): ConfiguredChannel[] {
  return config.channels.map((channel) => {
    const rateLimits = channel.rateLimits ?? defaultRateLimits(channel.type, channel.config);
    return {
      name: channel.name,
      definition: CHANNEL_TYPES.get(channel.type) as ConfiguredChannel['definition'],
      config: channel.config,
      secrets: channel.secrets,
      ...(rateLimits && { rateLimits }),
    };
  });
}

/** Telegram's own limits when the config names none: 1 message a second per chat, 20 a minute in a group. */
function defaultRateLimits(type: string, config: unknown): RateLimit[] | undefined {
  if (type !== 'telegram') return undefined;
  const { perChat, perGroup } = telegramRateLimits;
  const isGroup = String((config as { chat_id?: unknown }).chat_id ?? '').startsWith('-');
  const limits: RateLimit[] = [{ count: perChat.messages, perMs: perChat.intervalMs }];
  if (isGroup) limits.push({ count: perGroup.messages, perMs: perGroup.intervalMs });
  return limits;
}
