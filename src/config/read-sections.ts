import { readChannels } from './channel-settings/read-channels.ts';
import type { ChannelTypeSchemas, KlaxonConfig } from './klaxon-config.ts';
import { checkKnownKeys } from './sections/check-known-keys.ts';
import { readHeartbeat } from './sections/read-heartbeat.ts';
import { readRoutes } from './sections/read-routes.ts';
import { readRuleSettings } from './sections/read-rule-paths.ts';
import { readRuleSwitches } from './sections/read-rule-switches.ts';
import { readSigmaPlaceholders } from './sections/read-sigma-placeholders.ts';
import { readServer } from './sections/read-server.ts';
import { readSources } from './sections/read-sources.ts';
import { readDetection } from './sections/read-detection.ts';
import { readStore } from './sections/read-store.ts';
import type { PathIssue } from './yaml/path-issue.ts';
import type * as z from 'zod';

/** The top-level keys of klaxon.yaml. */
export const TOP_LEVEL_KEYS = [
  'sources',
  'detection',
  'store',
  'rules',
  'builtin_rules',
  'rules_enabled',
  'rules_disabled',
  'sigma_placeholders',
  'server',
  'channels',
  'routes',
  'heartbeat',
];

export interface SectionContext<Route> {
  baseDir: string;
  channelTypes: ReadonlyMap<string, ChannelTypeSchemas>;
  sourceTypes?: ReadonlyMap<string, ChannelTypeSchemas>;
  routesSchema: z.ZodType<Route[]>;
}

export interface ReadSections<Route> {
  config: Omit<KlaxonConfig<Route>, 'file'>;
  issues: PathIssue[];
  /** Secret values met on the way, to scrub from messages. */
  secretTexts: string[];
}

/** Reads every section of the (substituted) file; the config is usable only when there are no issues. */
export async function readSections<Route>(
  data: Readonly<Record<string, unknown>>,
  context: SectionContext<Route>,
): Promise<ReadSections<Route>> {
  const issues: PathIssue[] = checkKnownKeys(data, TOP_LEVEL_KEYS, []);
  const secretTexts: string[] = [];
  const store = readStore(data['store'], context.baseDir, issues, secretTexts);
  const rules = await readRuleSettings(data['rules'], data['builtin_rules'], context.baseDir, issues);
  const server = readServer(data['server'], issues);
  const channelContext = {
    ...context,
    issues,
    secretTexts,
    ...(server.publicUrl !== undefined && { publicUrl: server.publicUrl }),
  };
  const { channels, names } = await readChannels(data['channels'], channelContext);
  const routes = readRoutes(data['routes'], context.routesSchema, names, issues);
  const heartbeat = readHeartbeat(data['heartbeat'], names, issues, secretTexts);
  const sources = await readSources(data['sources'], {
    sourceTypes: context.sourceTypes ?? new Map(),
    baseDir: context.baseDir,
    issues,
    secretTexts,
  });
  const config: Omit<KlaxonConfig<Route>, 'file'> = {
    store,
    ...rules,
    ...readRuleSwitches(data['rules_enabled'], data['rules_disabled'], issues),
    sigmaPlaceholders: readSigmaPlaceholders(data['sigma_placeholders'], issues),
    ...(server.publicUrl !== undefined && { publicUrl: server.publicUrl }),
    channels,
    routes,
    sources,
    server: server.server,
    detection: readDetection(data['detection'], issues),
    ...(heartbeat && { heartbeat }),
  };
  return { config, issues, secretTexts };
}
