/** What the syslog source counted since it was created; read by metrics and the dashboard. */
export interface SyslogStats {
  /** Messages framed (UDP: datagrams), including those later dropped. */
  messages: number;
  /** Bytes received, framing included. */
  bytes: number;
  /** Messages longer than `max_message_bytes`, cut to it. */
  cut: number;
  /** UDP messages dropped because the queue was full while the pipeline was busy. */
  dropped: number;
  /** TCP connections closed for garbage framing (or cut off in the middle of an octet-counted frame). */
  framingErrors: number;
  /** TCP connections open now. */
  connections: number;
  /** TCP connections accepted since the start. */
  connectionsAccepted: number;
  /** TCP connections refused because `max_connections` were open. */
  connectionsRejected: number;
}

export function createSyslogStats(): SyslogStats {
  return {
    messages: 0,
    bytes: 0,
    cut: 0,
    dropped: 0,
    framingErrors: 0,
    connections: 0,
    connectionsAccepted: 0,
    connectionsRejected: 0,
  };
}
