import { resolveFrom } from '../resolve-paths.ts';
import type { PathIssue } from '../yaml/path-issue.ts';

export const DEFAULT_STORE = 'sqlite:./klaxon.db';
const SQLITE_MEMORY = ':memory:';
const EXAMPLES = '`sqlite:./klaxon.db` or `postgres://user:password@host:5432/database`';

/**
 * `store:` as a URL the store opens: a relative SQLite file becomes absolute against the config
 * file's folder. A PostgreSQL password goes to `secretTexts`; messages never quote the URL.
 */
export function readStore(
  value: unknown,
  baseDir: string,
  issues: PathIssue[],
  secretTexts: string[],
): string {
  const url = value ?? DEFAULT_STORE;
  if (typeof url !== 'string') {
    issues.push({ path: ['store'], message: `expected a store URL like ${EXAMPLES}` });
    return DEFAULT_STORE;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    if (URL.canParse(url)) {
      const password = new URL(url).password;
      if (password !== '') secretTexts.push(password, decodeOrKeep(password));
    }
    return url;
  }
  if (scheme !== 'sqlite') {
    const what =
      scheme === undefined ? 'a store URL starts with its scheme' : `unknown store scheme \`${scheme}:\``;
    issues.push({ path: ['store'], message: `${what}; expected ${EXAMPLES}` });
    return url;
  }
  const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
  if (file === '') {
    issues.push({ path: ['store'], message: `the SQLite store names no file; expected ${EXAMPLES}` });
    return url;
  }
  return file === SQLITE_MEMORY ? url : `sqlite:${resolveFrom(baseDir, file)}`;
}

/** A malformed escape (`%E0%A4%A`) makes decodeURIComponent throw; the password is then redacted as written. */
function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
