export type Route =
  | { page: 'overview' }
  | { page: 'incidents' }
  | { page: 'incident'; serial: number }
  | { page: 'silences' }
  | { page: 'rules' }
  | { page: 'channels' }
  | { page: 'not-found' };

const PLAIN: Record<string, Route> = {
  '/': { page: 'overview' },
  '/incidents': { page: 'incidents' },
  '/silences': { page: 'silences' },
  '/rules': { page: 'rules' },
  '/channels': { page: 'channels' },
};

export function parseRoute(path: string): Route {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const plain = PLAIN[trimmed];
  if (plain) return plain;
  const incident = /^\/incidents\/(\d{1,12})$/.exec(trimmed);
  if (incident) return { page: 'incident', serial: Number(incident[1]) };
  return { page: 'not-found' };
}
