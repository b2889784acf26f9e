import type * as z from 'zod';
import type { PathIssue } from '../yaml/path-issue.ts';
import { convertZodIssues } from '../yaml/zod-issues.ts';
import { checkChannelNames } from './check-channel-names.ts';

/**
 * `routes:` through the caller's schema (routing's, passed in by app/), and every channel a
 * route names must be configured. Names are checked on the routes as written, so a route with
 * another mistake still has its channels checked.
 */
export function readRoutes<Route>(
  value: unknown,
  schema: z.ZodType<Route[]>,
  channelNames: ReadonlySet<string>,
  issues: PathIssue[],
): Route[] {
  const parsed = schema.safeParse(value ?? [], { reportInput: true });
  if (!parsed.success) {
    issues.push(...convertZodIssues(parsed.error.issues).map((issue) => prefix(issue, ['routes'])));
  }
  if (Array.isArray(value)) {
    value.forEach((route: unknown, index) => {
      if (typeof route !== 'object' || route === null) return;
      const channels = (route as Record<string, unknown>)['channels'];
      issues.push(...checkChannelNames(channels, ['routes', index, 'channels'], channelNames));
      const escalate = (route as Record<string, unknown>)['escalate'];
      if (!Array.isArray(escalate)) return;
      escalate.forEach((step: unknown, position) => {
        if (typeof step !== 'object' || step === null) return;
        const at = ['routes', index, 'escalate', position, 'channels'];
        issues.push(...checkChannelNames((step as Record<string, unknown>)['channels'], at, channelNames));
      });
    });
  }
  return parsed.success ? parsed.data : [];
}

function prefix(issue: PathIssue, at: readonly (string | number)[]): PathIssue {
  return { ...issue, path: [...at, ...issue.path] };
}
