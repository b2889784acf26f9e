import type { AppEventReport } from './app-event.ts';
import { readField } from './read-field.ts';
import { firstHeader, pathOf } from './request-event.ts';

/** What `reportLogin(req, { user, outcome })` takes. */
export interface LoginReport {
  /** The account the attempt was for (what was typed, even when no such account exists). */
  user?: string;
  outcome: 'success' | 'failure';
  /** The client's address, when the request does not carry it (a fetch `Request` has none). */
  ip?: string;
}

/** Requests whose login outcome the application reported itself: the helpers do not report it again. */
export const selfReported = new WeakSet<object>();

/**
 * The login event for an Express or Fastify request (address from `req.ip`, which honours the
 * framework's proxy settings) or a fetch `Request` (address from `login.ip`).
 */
export function loginEvent(req: unknown, login: LoginReport): AppEventReport {
  if (typeof req === 'object' && req !== null) selfReported.add(req);
  const ip = login.ip ?? readIp(req);
  const url = String(readField(req, 'originalUrl') ?? readField(req, 'url') ?? '');
  const method = readField(req, 'method');
  const userAgent = readHeader(req, 'user-agent');
  return {
    action: login.outcome === 'success' ? 'login_succeeded' : 'login_failed',
    ip: ip ?? '',
    ...(url !== '' && { path: pathOf(url.includes('://') ? new URL(url).pathname : url) }),
    ...(typeof method === 'string' && { method }),
    ...(typeof login.user === 'string' && login.user !== '' && { user: login.user }),
    ...(userAgent !== undefined && { userAgent }),
  };
}

function readIp(req: unknown): string | undefined {
  const ip = readField(req, 'ip');
  if (typeof ip === 'string') return ip;
  const socket = readField(req, 'socket') ?? readField(readField(req, 'raw'), 'socket');
  const address = readField(socket, 'remoteAddress');
  return typeof address === 'string' ? address : undefined;
}

function readHeader(req: unknown, name: string): string | undefined {
  const headers = readField(req, 'headers');
  const get = readField(headers, 'get');
  if (typeof get === 'function')
    return firstHeader((get as (n: string) => string | null).call(headers, name));
  return firstHeader(readField(headers, name) as string | string[] | undefined);
}
