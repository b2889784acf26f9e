import type * as z from 'zod';
import type { ChannelDefinition, LogLevel, ValidationIssue } from '../core/index.ts';

export const CHANNEL_DETAILS = ['full', 'link'] as const;
/** `link` sends only "incident #42, P1, open the dashboard" to channels that should not carry details. */
export type ChannelDetail = (typeof CHANNEL_DETAILS)[number];

/** At most `count` messages per `perMs` (the outbox's RateLimit has the same shape). */
export interface ChannelRateLimit {
  count: number;
  perMs: number;
}

/** One entry of `channels:`. */
export interface ChannelSettings {
  name: string;
  type: string;
  /** The output of the type's configSchema: may be shown. */
  config: unknown;
  /**
   * The output of the type's secretsSchema: never shown. The object prints as `<secret>` in
   * JSON.stringify and util.inspect; its fields read normally.
   */
  secrets: unknown;
  /** Set only when the channel names it; otherwise each route's `detail` applies. */
  detail?: ChannelDetail;
  /** From `rate_limit: [1/1s, 20/1m]`; absent when not set. */
  rateLimits?: ChannelRateLimit[];
}

export interface HeartbeatSettings {
  intervalMs: number;
  /** Channels that get the periodic "Klaxon is alive" message. */
  channels: string[];
  /** `pingUrl`: the dead man's switch URL (a secret); the object prints as `<secret>`. */
  secrets: { pingUrl?: string };
}

/** One entry of `sources:`. */
export interface SourceSettings {
  /** Unique; names the source's checkpoint and metrics. */
  name: string;
  type: string;
  config: unknown;
  /** Sealed like a channel's secrets. */
  secrets: unknown;
}

/** `detection:` */
export interface DetectionSettings {
  /**
   * How long events wait to be put in time order before detection sees them (default 2 s).
   * Alerts come at least this late; events later than this still count but may miss a window.
   */
  toleranceMs: number;
  /**
   * How far ahead of the wall clock an event may be dated (default 5 min). One dated further is
   * counted as `future` and processed at the clock's time, so it cannot move event time.
   */
  maxFutureMs: number;
}

/** `server:` besides `public_url`. */
export interface ServerSettings {
  /** Where the HTTP server listens (default 127.0.0.1:8080). */
  listen: { host: string; port: number };
  /** Trust X-Forwarded-* from a reverse proxy (default false). */
  trustProxy: boolean;
  /** The daemon's log level (`log_level`; `--log-level` wins); undefined: info. */
  logLevel?: LogLevel;
  ingest: {
    /** Events one request may carry (default 1,000). */
    maxEvents: number;
    /** Largest request body in bytes (default 1 MiB). */
    maxBodyBytes: number;
    /** Per token (default 100,000 events a second). */
    rateLimit: { count: number; perMs: number };
    /** How long accepted events stay in the journal after detection read them (default 7 days), for backtests. */
    retentionMs: number;
  };
}

/** klaxon.yaml, validated, variables substituted and relative paths made absolute. */
export interface KlaxonConfig<Route = unknown> {
  /** The absolute path of the file it came from. */
  file: string;
  /** `sqlite:<absolute path>`, `sqlite::memory:` or a `postgres://` URL (which may hold a password). */
  store: string;
  /** Absolute rule file and folder paths, besides the shipped pack when `builtinRules`. */
  rules: string[];
  builtinRules: boolean;
  /** Rule ids switched on (`rules_enabled:`) or off (`rules_disabled:`) over their files' `enabled`. */
  rulesEnabled: string[];
  rulesDisabled: string[];
  /** Values of Sigma `expand` placeholders by name (`sigma_placeholders:`). */
  sigmaPlaceholders?: Record<string, string[]>;
  /** Base URL of the dashboard, for links in messages. */
  publicUrl?: string;
  channels: ChannelSettings[];
  routes: Route[];
  sources: SourceSettings[];
  server: ServerSettings;
  detection: DetectionSettings;
  heartbeat?: HeartbeatSettings;
}

/** What config/ needs of a channel type to split and validate its settings. */
export type ChannelTypeSchemas = Pick<ChannelDefinition, 'configSchema' | 'secretsSchema' | 'checkSettings'>;

export interface LoadConfigOptions<Route> {
  /** Channel types by their `type:` id; filled by app/ from the channel registry. */
  channelTypes: ReadonlyMap<string, ChannelTypeSchemas>;
  /** Source types by their `type:` id (same shape: config and secrets schemas); none when omitted. */
  sourceTypes?: ReadonlyMap<string, ChannelTypeSchemas>;
  /** The `routes:` schema (routing's routesSchema); each route must have `channels:` names. */
  routesSchema: z.ZodType<Route[]>;
  /** Variables for `${NAME}`; default process.env. They win over the .env file. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Default: `.env` beside the config file, read when it exists. A path given here must exist. */
  dotenvPath?: string;
}

export type LoadConfigResult<Route> =
  { ok: true; config: KlaxonConfig<Route> } | { ok: false; issues: ValidationIssue[] };

/** The channels that set `detail` themselves, which then wins over the routes' own. */
export function channelDetailOverrides(
  channels: readonly ChannelSettings[],
): Readonly<Record<string, ChannelDetail>> {
  const overrides: Record<string, ChannelDetail> = {};
  for (const channel of channels) if (channel.detail !== undefined) overrides[channel.name] = channel.detail;
  return overrides;
}
