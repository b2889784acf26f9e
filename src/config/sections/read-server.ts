import type { PathIssue } from '../yaml/path-issue.ts';
import { checkKnownKeys } from './check-known-keys.ts';

// "Live operation" adds the listen address, TLS and API tokens here.
const SERVER_KEYS = ['public_url'];

export interface ServerSettings {
  /** Without a trailing `/`, so links join as `${publicUrl}/incidents/42`. */
  publicUrl?: string;
}

/** `server: { public_url }`. */
export function readServer(value: unknown, issues: PathIssue[]): ServerSettings {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.push({
      path: ['server'],
      message: 'expected a map like `{ public_url: https://klaxon.example.com }`',
    });
    return {};
  }
  issues.push(...checkKnownKeys(value, SERVER_KEYS, ['server']));
  const url = (value as Record<string, unknown>)['public_url'];
  if (url === undefined || url === null) return {};
  if (typeof url !== 'string' || !isHttpUrl(url)) {
    issues.push({ path: ['server', 'public_url'], message: 'expected an http:// or https:// URL' });
    return {};
  }
  return { publicUrl: url.replace(/\/+$/, '') };
}

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}
