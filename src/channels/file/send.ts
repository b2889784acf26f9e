import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SendContext, SendResult } from '../channel.ts';
import type { FilePayload } from './render.ts';
import type { FileConfig, FileSecrets } from './schema.ts';

// Errors that another attempt will not fix: the path itself is wrong or not ours to write.
const PERMANENT = new Set([
  'EACCES',
  'EPERM',
  'EISDIR',
  'ENOTDIR',
  'EROFS',
  'ENAMETOOLONG',
  'ELOOP',
  'EINVAL',
  'EEXIST',
]);

/**
 * Appends the line with one write (O_APPEND), so concurrent writers never interleave within a
 * line on a local file system. Created 0600: incidents name users and addresses.
 */
export async function sendFile(
  payload: FilePayload,
  context: SendContext<FileConfig, FileSecrets>,
): Promise<SendResult> {
  const { path } = context.config;
  try {
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, payload.line, { encoding: 'utf8', mode: 0o600 });
    return { kind: 'ok' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const message = `cannot append to ${path} (${code})`;
    return PERMANENT.has(code)
      ? { kind: 'fail', reason: 'config', message }
      : { kind: 'retry', reason: 'server', message };
  }
}
