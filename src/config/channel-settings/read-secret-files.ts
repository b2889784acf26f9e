import { readFile } from 'node:fs/promises';
import { resolveFrom } from '../resolve-paths.ts';
import type { PathIssue } from '../yaml/path-issue.ts';
import type { SplitChannel } from './split-channel-keys.ts';

/**
 * Reads each `<secret>_file` (Docker and Kubernetes secrets) into `split.secrets`, without the
 * trailing line break that editors and `echo` add. Issues name the file, never its content.
 */
export async function readSecretFiles(
  split: SplitChannel,
  baseDir: string,
  at: readonly (string | number)[],
): Promise<PathIssue[]> {
  const issues: PathIssue[] = [];
  for (const [secret, file] of split.secretFiles) {
    const path = [...at, file.key];
    if (typeof file.path !== 'string' || file.path === '') {
      split.reported.add(file.key);
      issues.push({ path, message: 'expected the path of a file holding the secret' });
      continue;
    }
    const absolute = resolveFrom(baseDir, file.path);
    try {
      split.secrets[secret] = (await readFile(absolute, 'utf8')).replace(/(?:\r?\n)+$/, '');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      split.reported.add(file.key);
      issues.push({ path, message: `cannot read ${absolute} (${code})` });
    }
  }
  return issues;
}
