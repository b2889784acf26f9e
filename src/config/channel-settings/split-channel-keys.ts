import { formatSuggestion } from '../suggest.ts';
import type { PathIssue } from '../yaml/path-issue.ts';

/** Klaxon's own per-channel settings, used when the channel type does not know the key itself. */
export const OWN_CHANNEL_KEYS = ['detail', 'rate_limit'] as const;

const FILE_SUFFIX = '_file';

export interface ChannelKeys {
  config: ReadonlySet<string>;
  secrets: ReadonlySet<string>;
}

export interface SplitChannel {
  config: Record<string, unknown>;
  secrets: Record<string, unknown>;
  /** Secrets to read from files: secret key → the `<key>_file` setting and its value. */
  secretFiles: Map<string, { key: string; path: unknown }>;
  own: Record<string, unknown>;
  /**
   * Keys already reported (known to both schemas, or a secret file that cannot be read): the
   * schemas' "required field is missing" about them would only repeat it.
   */
  reported: Set<string>;
  issues: PathIssue[];
}

/**
 * Sorts the settings written under one channel (besides `type`) into the type's config, its
 * secrets, `<secret>_file` references, and Klaxon's own settings.
 */
export function splitChannelKeys(
  settings: Readonly<Record<string, unknown>>,
  keys: ChannelKeys,
  type: string,
  at: readonly (string | number)[],
  plugin: { kind: string; ownKeys: readonly string[] } = { kind: 'channel', ownKeys: OWN_CHANNEL_KEYS },
): SplitChannel {
  const split: SplitChannel = {
    config: {},
    secrets: {},
    secretFiles: new Map(),
    own: {},
    reported: new Set(),
    issues: [],
  };
  const own = new Set<string>(plugin.ownKeys);
  for (const [key, value] of Object.entries(settings)) {
    const issue = (message: string) => split.issues.push({ path: [...at, key], part: 'key', message });
    const inConfig = keys.config.has(key);
    const inSecrets = keys.secrets.has(key);
    const fileOf = readSecretFileKey(key, keys);
    if (inConfig && inSecrets) {
      split.reported.add(key);
      issue(
        `\`${key}\` is both a setting and a secret of ${type} ${plugin.kind}s, so Klaxon cannot tell which is meant`,
      );
    } else if (inConfig) {
      split.config[key] = value;
    } else if (inSecrets) {
      split.secrets[key] = value;
    } else if (own.has(key)) {
      split.own[key] = value;
    } else if (fileOf !== undefined) {
      split.secretFiles.set(fileOf, { key, path: value });
    } else {
      const known = [...keys.config, ...keys.secrets, ...plugin.ownKeys, 'type'];
      issue(`unknown field \`${key}\` for a ${type} ${plugin.kind}${formatSuggestion(key, known)}`);
    }
  }
  for (const [secret, file] of split.secretFiles) {
    if (!(secret in split.secrets)) continue;
    const message = `set \`${secret}\` or \`${file.key}\`, not both`;
    split.issues.push({ path: [...at, file.key], part: 'key', message });
  }
  return split;
}

/** `bot_token_file` → `bot_token` when `bot_token` is a secret of the type. */
function readSecretFileKey(key: string, keys: ChannelKeys): string | undefined {
  if (!key.endsWith(FILE_SUFFIX)) return undefined;
  const secret = key.slice(0, -FILE_SUFFIX.length);
  return keys.secrets.has(secret) && !keys.config.has(secret) ? secret : undefined;
}
