import type * as z from 'zod';
import type { ChannelTypeSchemas } from '../klaxon-config.ts';
import { collectTexts } from '../redact-messages.ts';
import { resolveSettingPaths } from '../resolve-paths.ts';
import { readSchemaKeys } from '../schema-keys.ts';
import { sealSecrets } from '../seal-secrets.ts';
import { formatSuggestion } from '../suggest.ts';
import type { NodePath } from '../yaml/locate.ts';
import type { PathIssue } from '../yaml/path-issue.ts';
import { convertZodIssues } from '../yaml/zod-issues.ts';
import { readSecretFiles } from './read-secret-files.ts';
import { splitChannelKeys } from './split-channel-keys.ts';
import type { SplitChannel } from './split-channel-keys.ts';

/** What a channel or source may be called: letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
export const PLUGIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface PluginContext {
  baseDir: string;
  issues: PathIssue[];
  /** Secret values met on the way, to scrub from every issue message. */
  secretTexts: string[];
}

export interface PluginSettings {
  config: unknown;
  /** Sealed: prints as `<secret>`. */
  secrets: unknown;
  /** Klaxon's own keys (`detail`, `rate_limit` of a channel; `name` of a source), unchecked. */
  own: Record<string, unknown>;
  /** Issues of this entry; when any, config and secrets are not to be used. */
  issues: PathIssue[];
}

/**
 * The settings of one channel or source (everything but `type`), split into the type's config
 * and secrets (with `<secret>_file` read), each validated by its schema; relative paths resolved.
 */
export async function readPluginSettings(
  settings: Readonly<Record<string, unknown>>,
  schemas: ChannelTypeSchemas,
  plugin: { kind: string; type: string; ownKeys: readonly string[]; at: NodePath },
  context: PluginContext,
): Promise<PluginSettings> {
  const { at, type } = plugin;
  const keys = {
    config: readSchemaKeys(schemas.configSchema),
    secrets: readSchemaKeys(schemas.secretsSchema),
  };
  const split = splitChannelKeys(settings, keys, type, at, plugin);
  const issues = [...split.issues, ...(await readSecretFiles(split, context.baseDir, at))];
  collectTexts(split.secrets, context.secretTexts);
  const config = schemas.configSchema.safeParse(resolveSettingPaths(split.config, context.baseDir), {
    reportInput: true,
  });
  const secrets = schemas.secretsSchema.safeParse(split.secrets, { reportInput: true });
  const schemaIssues = [
    ...(config.success ? [] : placeUnder(at, convertZodIssues(config.error.issues))),
    ...(secrets.success ? [] : placeSecretIssues(at, secrets.error, split)),
  ];
  issues.push(...schemaIssues.filter((issue) => !repeatsReported(issue, at, split.reported)));
  if (!config.success || !secrets.success)
    return { config: undefined, secrets: undefined, own: split.own, issues };
  const sealed =
    typeof secrets.data === 'object' && secrets.data !== null ? sealSecrets(secrets.data) : secrets.data;
  return { config: config.data, secrets: sealed, own: split.own, issues };
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

/** The schemas of a `type:`, or an issue naming the known types (with a "did you mean"). */
export function findPluginType(
  kind: string,
  types: ReadonlyMap<string, ChannelTypeSchemas>,
  type: unknown,
  path: NodePath,
  issues: PathIssue[],
): ChannelTypeSchemas | undefined {
  const known = [...types.keys()].sort();
  const list = `one of ${known.join(', ')}`;
  if (type === undefined) {
    issues.push({ path, message: `required field is missing: the ${kind} type, ${list}` });
    return undefined;
  }
  const schemas = typeof type === 'string' ? types.get(type) : undefined;
  if (!schemas) {
    const hint = typeof type === 'string' ? formatSuggestion(type, known) : '';
    issues.push({ path, message: `unknown ${kind} type \`${String(type)}\`${hint} (${list})` });
  }
  return schemas;
}
