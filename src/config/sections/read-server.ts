import { isLogLevel, LOG_LEVELS, parseDuration } from '../../core/index.ts';
import { parseRateLimit } from '../channel-settings/read-own-settings.ts';
import type { ServerSettings } from '../klaxon-config.ts';
import type { PathIssue } from '../yaml/path-issue.ts';
import { checkKnownKeys } from './check-known-keys.ts';

const SERVER_KEYS = ['public_url', 'listen', 'trust_proxy', 'log_level', 'ingest'];
const INGEST_KEYS = ['max_events', 'max_body_bytes', 'rate_limit', 'retention'];

export const DEFAULT_SERVER: ServerSettings = {
  listen: { host: '127.0.0.1', port: 8080 },
  trustProxy: false,
  ingest: {
    maxEvents: 1_000,
    maxBodyBytes: 1024 * 1024,
    rateLimit: { count: 100_000, perMs: 1_000 },
    retentionMs: 7 * 24 * 3600 * 1000,
  },
};

export interface ReadServer {
  /** Without a trailing `/`, so links join as `${publicUrl}/incidents/42`. */
  publicUrl?: string;
  server: ServerSettings;
}

/** `server: { listen, public_url, trust_proxy, log_level, ingest: { max_events, max_body_bytes, rate_limit, retention } }`. */
export function readServer(value: unknown, issues: PathIssue[]): ReadServer {
  const server = structuredClone(DEFAULT_SERVER);
  if (value === undefined || value === null) return { server };
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.push({
      path: ['server'],
      message: 'expected a map like `{ listen: "127.0.0.1:8080", public_url: https://klaxon.example.com }`',
    });
    return { server };
  }
  issues.push(...checkKnownKeys(value, SERVER_KEYS, ['server']));
  const settings = value as Record<string, unknown>;
  const read: ReadServer = { server };
  const url = settings['public_url'];
  if (url !== undefined && url !== null) {
    if (typeof url !== 'string' || !isHttpUrl(url))
      issues.push({ path: ['server', 'public_url'], message: 'expected an http:// or https:// URL' });
    else read.publicUrl = url.replace(/\/+$/, '');
  }
  if (settings['listen'] !== undefined) {
    const listen = parseListen(settings['listen']);
    if (listen) server.listen = listen;
    else
      issues.push({
        path: ['server', 'listen'],
        message: 'expected HOST:PORT, e.g. "127.0.0.1:8080" or "[::1]:8080"',
      });
  }
  const trustProxy = settings['trust_proxy'];
  if (trustProxy !== undefined) {
    if (typeof trustProxy === 'boolean') server.trustProxy = trustProxy;
    else issues.push({ path: ['server', 'trust_proxy'], message: 'expected true or false' });
  }
  const level = settings['log_level'];
  if (level !== undefined) {
    if (isLogLevel(level)) server.logLevel = level;
    else issues.push({ path: ['server', 'log_level'], message: `expected one of ${LOG_LEVELS.join(', ')}` });
  }
  readIngest(settings['ingest'], server, issues);
  return read;
}

function readIngest(value: unknown, server: ServerSettings, issues: PathIssue[]): void {
  if (value === undefined || value === null) return;
  const at = ['server', 'ingest'];
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ path: at, message: 'expected a map like `{ max_events: 1000, rate_limit: 100000/1s }`' });
    return;
  }
  issues.push(...checkKnownKeys(value, INGEST_KEYS, at));
  const ingest = value as Record<string, unknown>;
  const positive = (key: string, apply: (n: number) => void) => {
    const n = ingest[key];
    if (n === undefined) return;
    if (typeof n === 'number' && Number.isInteger(n) && n > 0) apply(n);
    else issues.push({ path: [...at, key], message: 'expected a whole number above 0' });
  };
  positive('max_events', (n) => (server.ingest.maxEvents = n));
  positive('max_body_bytes', (n) => (server.ingest.maxBodyBytes = n));
  if (ingest['rate_limit'] !== undefined) {
    const limit = parseRateLimit(ingest['rate_limit']);
    if (limit) server.ingest.rateLimit = limit;
    else issues.push({ path: [...at, 'rate_limit'], message: 'expected events per time, like `100000/1s`' });
  }
  if (ingest['retention'] !== undefined) {
    const ms = typeof ingest['retention'] === 'string' ? parseDuration(ingest['retention']) : undefined;
    if (ms !== undefined && ms >= 0) server.ingest.retentionMs = ms;
    else issues.push({ path: [...at, 'retention'], message: 'expected a duration like `7d`' });
  }
}

function parseListen(value: unknown): { host: string; port: number } | undefined {
  if (typeof value === 'number')
    return value > 0 && value < 65536 ? { host: '127.0.0.1', port: value } : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s]+)):(\d{1,5})$/.exec(value.trim());
  if (!match) return undefined;
  const port = Number(match[3]);
  if (port > 65535) return undefined;
  return { host: (match[1] ?? match[2]) as string, port };
}

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}
