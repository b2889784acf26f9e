import { pino } from 'pino';
import type { DestinationStream, Logger } from 'pino';
import type { LogLevel } from '../../core/index.ts';
import { DEFAULT_LOG_LEVEL } from '../../core/index.ts';

export type { Logger } from 'pino';

const SECRET_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-csrf-token',
  'csrfToken',
  'token',
  'api_key',
  'apiKey',
  'password',
  'passwordHash',
  'secrets',
];

/**
 * Never written, whatever logs them: credentials in request and response headers, and any
 * token, API key, password or `secrets` at the top level or one or two levels down (`err.config.token`).
 */
export const REDACTED_PATHS = [
  ...SECRET_KEYS.map((key) => `["${key}"]`),
  ...SECRET_KEYS.map((key) => `*["${key}"]`),
  ...SECRET_KEYS.map((key) => `*.*["${key}"]`),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

export interface DaemonLoggerOptions {
  level: LogLevel;
  /** Where the JSON lines go (default: standard output). */
  destination?: DestinationStream;
}

/** The daemon's logger: one JSON object a line with `level` (its name), `time` (epoch ms) and `msg`. */
export function createDaemonLogger(options: DaemonLoggerOptions): Logger {
  const settings = {
    level: options.level,
    base: { service: 'klaxon' },
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** `--log-level` wins over `server.log_level`, which wins over the default (info). */
export function chooseLogLevel(flag: LogLevel | undefined, configured: LogLevel | undefined): LogLevel {
  return flag ?? configured ?? DEFAULT_LOG_LEVEL;
}

/** A logger that writes nothing (tests, and callers that gave none). */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
