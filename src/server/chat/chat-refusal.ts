/** A request to a chat endpoint that was refused before anything happened: for the log. */
export interface ChatRefusal {
  service: 'telegram' | 'slack';
  channel: string;
  /** The caller's address (the proxy's, unless `trust_proxy`). */
  ip: string;
  /** Why, without any secret. */
  reason: string;
}

/**
 * The largest body a chat endpoint reads: a Telegram update or a Slack press (which carries the
 * whole message, up to about 13,000 characters of blocks, URL-encoded) stays far below it.
 */
export const CHAT_BODY_LIMIT = 256 * 1024;
