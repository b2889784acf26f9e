const REASONS: Record<string, string> = {
  EADDRINUSE: 'address in use',
  EACCES: 'permission denied (ports below 1024 need root or CAP_NET_BIND_SERVICE)',
  EADDRNOTAVAIL: 'no such address on this machine',
  EAFNOSUPPORT: 'address family not supported',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
};

/** Plain words for why a socket could not bind (`address in use`). */
export function describeBindError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return REASONS[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}
