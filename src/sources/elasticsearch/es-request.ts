export interface EsHttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path below the cluster URL, with its query string: `/winlogbeat-*\/_pit?keep_alive=1m`. */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
}
