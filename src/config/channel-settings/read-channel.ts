import type * as z from 'zod';
import type { ChannelSettings, ChannelTypeSchemas } from '../klaxon-config.ts';
import { collectTexts } from '../redact-messages.ts';
import { resolveSettingPaths } from '../resolve-paths.ts';
import { readSchemaKeys } from '../schema-keys.ts';
import { sealSecrets } from '../seal-secrets.ts';
import { formatSuggestion } from '../suggest.ts';
import type { NodePath } from '../yaml/locate.ts';
import type { PathIssue } from '../yaml/path-issue.ts';
import { convertZodIssues } from '../yaml/zod-issues.ts';
import { readOwnSettings } from './read-own-settings.ts';
import { readSecretFiles } from './read-secret-files.ts';
import { splitChannelKeys } from './split-channel-keys.ts';
import type { SplitChannel } from './split-channel-keys.ts';

export interface ChannelContext {
  channelTypes: ReadonlyMap<string, ChannelTypeSchemas>;
  baseDir: string;
  issues: PathIssue[];
  /** Secret values met on the way, to scrub from every issue message. */
  secretTexts: string[];
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
  const schemas = findType(type, [...at, 'type'], context);
  if (!schemas) return undefined;
  const keys = {
    config: readSchemaKeys(schemas.configSchema),
    secrets: readSchemaKeys(schemas.secretsSchema),
  };
  const split = splitChannelKeys(settings, keys, type as string, at);
  const issues = [...split.issues, ...(await readSecretFiles(split, context.baseDir, at))];
  collectTexts(split.secrets, context.secretTexts);
  const own = readOwnSettings(split.own, at, issues);
  const configInput = resolveSettingPaths(split.config, context.baseDir);
  const config = schemas.configSchema.safeParse(configInput, { reportInput: true });
  const secrets = schemas.secretsSchema.safeParse(split.secrets, { reportInput: true });
  const schemaIssues = [
    ...(config.success ? [] : placeUnder(at, convertZodIssues(config.error.issues))),
    ...(secrets.success ? [] : placeSecretIssues(at, secrets.error, split)),
  ];
  issues.push(...schemaIssues.filter((issue) => !repeatsReported(issue, at, split.reported)));
  context.issues.push(...issues);
  if (issues.length > 0 || !config.success || !secrets.success) return undefined;
  return {
    name,
    type: type as string,
    config: config.data,
    secrets:
      typeof secrets.data === 'object' && secrets.data !== null ? sealSecrets(secrets.data) : secrets.data,
    detail: own.detail,
    ...(own.rateLimits && { rateLimits: own.rateLimits }),
  };
}

function findType(type: unknown, path: NodePath, context: ChannelContext): ChannelTypeSchemas | undefined {
  const known = [...context.channelTypes.keys()].sort();
  const list = `one of ${known.join(', ')}`;
  if (type === undefined) {
    context.issues.push({ path, message: `required field is missing: the channel type, ${list}` });
    return undefined;
  }
  const schemas = typeof type === 'string' ? context.channelTypes.get(type) : undefined;
  if (!schemas) {
    const hint = typeof type === 'string' ? formatSuggestion(type, known) : '';
    context.issues.push({ path, message: `unknown channel type \`${String(type)}\`${hint} (${list})` });
  }
  return schemas;
}

function repeatsReported(issue: PathIssue, at: NodePath, reported: ReadonlySet<string>): boolean {
  const key = issue.path[at.length];
  return issue.path.length === at.length + 1 && typeof key === 'string' && reported.has(key);
}

function placeUnder(at: NodePath, issues: PathIssue[]): PathIssue[] {
  return issues.map((issue) => ({ ...issue, path: [...at, ...issue.path] }));
}

/** Secret issues never quote values, and point at `<key>_file` when the secret came from a file. */
function placeSecretIssues(at: NodePath, error: z.ZodError, split: SplitChannel): PathIssue[] {
  return convertZodIssues(error.issues, { hideValues: true }).map((issue) => {
    const [first, ...rest] = issue.path;
    const file = typeof first === 'string' ? split.secretFiles.get(first) : undefined;
    return file ? { ...issue, path: [...at, file.key, ...rest] } : { ...issue, path: [...at, ...issue.path] };
  });
}
