import { Document, isScalar, visit } from 'yaml';
import type { ChannelRateLimit, ChannelSettings, KlaxonConfig } from './klaxon-config.ts';
import { SECRET_SHOWN } from './seal-secrets.ts';

const UNITS: [number, string][] = [
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'm'],
  [1_000, 's'],
];

/**
 * The configuration as `klaxon config check` shows it, as YAML: every channel with its settings,
 * and for each secret only `hasSecret`, never the value. The store URL's password is hidden.
 */
export function describeConfig(config: KlaxonConfig): string {
  const doc = new Document(describeConfigView(config));
  // Short lists and `{ hasSecret: true }` on one line keep the listing readable.
  visit(doc, {
    Seq: (_, node) => void (node.flow = node.items.every((item) => isScalar(item))),
    Map: (_, node) => void (node.flow = node.items.length === 1 && isScalar(node.items[0]?.value)),
  });
  return doc.toString({ lineWidth: 0 });
}

/** The same picture as plain data (what JSON.stringify of a loaded config gives). */
export function describeConfigView(config: KlaxonConfig): Record<string, unknown> {
  return {
    file: config.file,
    store: hideUrlPassword(config.store),
    rules: config.rules,
    builtin_rules: config.builtinRules,
    ...(config.rulesEnabled.length > 0 && { rules_enabled: config.rulesEnabled }),
    ...(config.rulesDisabled.length > 0 && { rules_disabled: config.rulesDisabled }),
    ...(config.sigmaPlaceholders &&
      Object.keys(config.sigmaPlaceholders).length > 0 && { sigma_placeholders: config.sigmaPlaceholders }),
    server: {
      listen: `${config.server.listen.host.includes(':') ? `[${config.server.listen.host}]` : config.server.listen.host}:${config.server.listen.port}`,
      ...(config.publicUrl !== undefined && { public_url: config.publicUrl }),
      ...(config.server.logLevel !== undefined && { log_level: config.server.logLevel }),
    },
    detection: {
      reorder_tolerance: formatMs(config.detection.toleranceMs),
      max_future_skew: formatMs(config.detection.maxFutureMs),
    },
    ...(config.sources.length > 0 && {
      sources: config.sources.map((source) => ({
        name: source.name,
        type: source.type,
        config: source.config,
        secrets: describeSecrets(source.secrets),
      })),
    }),
    channels: Object.fromEntries(config.channels.map((channel) => [channel.name, describeChannel(channel)])),
    routes: config.routes,
    ...(config.heartbeat && {
      heartbeat: {
        interval: formatMs(config.heartbeat.intervalMs),
        channels: config.heartbeat.channels,
        ping_url: { hasSecret: config.heartbeat.secrets.pingUrl !== undefined },
      },
    }),
  };
}

function describeChannel(channel: ChannelSettings): Record<string, unknown> {
  return {
    type: channel.type,
    detail: channel.detail ?? 'route',
    ...(channel.rateLimits && { rate_limit: channel.rateLimits.map(formatRate) }),
    config: channel.config,
    secrets: describeSecrets(channel.secrets),
  };
}

function describeSecrets(secrets: unknown): Record<string, { hasSecret: boolean }> {
  if (typeof secrets !== 'object' || secrets === null) return {};
  const described: Record<string, { hasSecret: boolean }> = {};
  for (const [key, value] of Object.entries(secrets)) described[key] = { hasSecret: isFilled(value) };
  return described;
}

function isFilled(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** `postgres://klaxon:pw@db/klaxon` → `postgres://klaxon:<secret>@db/klaxon`, also when it does not parse. */
function hideUrlPassword(url: string): string {
  const start = url.indexOf('://') + 3;
  if (start < 3) return url;
  const end = url.slice(start).search(/[/?#]/);
  const authority = end < 0 ? url.slice(start) : url.slice(start, start + end);
  const at = authority.lastIndexOf('@');
  const colon = authority.indexOf(':');
  if (at < 0 || colon < 0 || colon > at) return url;
  const user = authority.slice(0, colon);
  return `${url.slice(0, start)}${user}:${SECRET_SHOWN}${url.slice(start + at)}`;
}

function formatRate(limit: ChannelRateLimit): string {
  return `${limit.count}/${formatMs(limit.perMs)}`;
}

function formatMs(ms: number): string {
  if (ms === 0) return '0s';
  for (const [size, unit] of UNITS) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}
