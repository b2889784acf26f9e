const PLAIN_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
};

/** The error's code, when it is a Node system error (`ENOENT`, `EACCES`, ...). */
export function ioErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Plain words for an fs error (`permission denied (EACCES)`); the path is the caller's to add. */
export function describeIoError(error: unknown): string {
  const code = ioErrorCode(error);
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  const words = PLAIN_WORDS[code];
  return words === undefined ? code : `${words} (${code})`;
}
