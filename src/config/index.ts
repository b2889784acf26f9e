export type {
  KlaxonConfig,
  ChannelSettings,
  ChannelDetail,
  ChannelRateLimit,
  ChannelTypeSchemas,
  HeartbeatSettings,
  SourceSettings,
  DetectionSettings,
  ServerSettings,
  LoadConfigOptions,
  LoadConfigResult,
} from './klaxon-config.ts';
export { CHANNEL_DETAILS, channelDetailOverrides } from './klaxon-config.ts';
export { loadConfig, loadConfigText } from './load-config.ts';
export { describeConfig } from './describe-config.ts';
export { DEFAULT_STORE } from './sections/read-store.ts';
export { DEFAULT_SERVER } from './sections/read-server.ts';

// YAML positions and "did you mean" hints, shared with the rule loader.
export type { YamlSource, Position, NodePath } from './yaml/locate.ts';
export { locate, lookupNode, positionOf, readKey } from './yaml/locate.ts';
export type { PathIssue } from './yaml/path-issue.ts';
export { formatFieldPath, placeIssue } from './yaml/path-issue.ts';
export type { ConvertOptions } from './yaml/zod-issues.ts';
export { convertZodIssues } from './yaml/zod-issues.ts';
export { formatSuggestion, suggestClosest } from './suggest.ts';
export type { YamlValue } from './yaml/yaml-limits.ts';
export { checkDuplicateKeys } from './yaml/duplicate-keys.ts';
export {
  MAX_YAML_BYTES,
  checkYamlAliases,
  checkYamlSize,
  convertYamlError,
  oversizedYamlIssue,
  yamlToJs,
} from './yaml/yaml-limits.ts';
// Where the installed package keeps its own files (rules/, dist/web) and its version.
export { packageFile, packageRoot, packageVersion } from './package-files.ts';
