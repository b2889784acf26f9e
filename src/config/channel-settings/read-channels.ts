import type { ChannelSettings } from '../klaxon-config.ts';
import { readChannel } from './read-channel.ts';
import { PLUGIN_NAME } from './read-plugin-settings.ts';
import type { ChannelContext } from './read-channel.ts';

export interface ReadChannels {
  /** The valid channels, in file order. */
  channels: ChannelSettings[];
  /** Every name written, valid or not, so routes naming a broken channel are not also blamed. */
  names: Set<string>;
}

/** The `channels:` map: channel name → `{ type, ...settings }`. */
export async function readChannels(value: unknown, context: ChannelContext): Promise<ReadChannels> {
  const read: ReadChannels = { channels: [], names: new Set() };
  if (value === undefined || value === null) return read;
  if (typeof value !== 'object' || Array.isArray(value)) {
    const message = 'expected a map of channel names to channels, e.g. `soc-mail: { type: email, ... }`';
    context.issues.push({ path: ['channels'], message });
    return read;
  }
  for (const [name, settings] of Object.entries(value)) {
    read.names.add(name);
    if (!PLUGIN_NAME.test(name)) {
      const message =
        'a channel name uses letters, digits, `.`, `_` and `-`, and starts with a letter or digit';
      context.issues.push({ path: ['channels', name], part: 'key', message });
      continue;
    }
    const channel = await readChannel(name, settings, context);
    if (channel) read.channels.push(channel);
  }
  return read;
}
