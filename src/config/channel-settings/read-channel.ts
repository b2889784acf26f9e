import type { ChannelSettings, ChannelTypeSchemas } from '../klaxon-config.ts';
import type { NodePath } from '../yaml/locate.ts';
import type { PathIssue } from '../yaml/path-issue.ts';
import { readOwnSettings } from './read-own-settings.ts';
import { findPluginType, readPluginSettings } from './read-plugin-settings.ts';
import { OWN_CHANNEL_KEYS } from './split-channel-keys.ts';

export interface ChannelContext {
  channelTypes: ReadonlyMap<string, ChannelTypeSchemas>;
  baseDir: string;
  issues: PathIssue[];
  /** Secret values met on the way, to scrub from every issue message. */
  secretTexts: string[];
  /** `server.public_url`, for the channel types' own cross-field checks. */
  publicUrl?: string;
}

/** One entry of `channels:`; undefined when it has any issue (they go to `context.issues`). */
export async function readChannel(
  name: string,
  value: unknown,
  context: ChannelContext,
): Promise<ChannelSettings | undefined> {
  const at: NodePath = ['channels', name];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    context.issues.push({ path: at, message: 'expected a map with `type:` and the settings of the channel' });
    return undefined;
  }
  const { type, ...settings } = value as Record<string, unknown>;
  const schemas = findPluginType('channel', context.channelTypes, type, [...at, 'type'], context.issues);
  if (!schemas) return undefined;
  const read = await readPluginSettings(
    settings,
    schemas,
    { kind: 'channel', type: type as string, ownKeys: OWN_CHANNEL_KEYS, at },
    context,
  );
  const issues = read.issues;
  const own = readOwnSettings(read.own, at, issues);
  if (issues.length === 0 && schemas.checkSettings) {
    const server = context.publicUrl === undefined ? {} : { publicUrl: context.publicUrl };
    for (const issue of schemas.checkSettings(read.config, read.secrets, server))
      issues.push({ path: [...at, issue.key], message: issue.message });
  }
  context.issues.push(...issues);
  if (issues.length > 0) return undefined;
  return {
    name,
    type: type as string,
    config: read.config,
    secrets: read.secrets,
    ...(own.detail !== undefined && { detail: own.detail }),
    ...(own.rateLimits && { rateLimits: own.rateLimits }),
  };
}
