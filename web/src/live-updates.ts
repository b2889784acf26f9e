import { createContext, useContext, useEffect, useState } from 'react';

export interface Live {
  /** Grows whenever incidents changed; pages put it in their load dependencies. */
  version: number;
  connected: boolean;
}

export const LiveContext = createContext<Live>({ version: 0, connected: false });

export const useLive = (): Live => useContext(LiveContext);

const REFRESH_DELAY_MS = 300;
const RECONNECT_DELAY_MS = 5_000;

/**
 * Follows `/api/v1/stream` while mounted (by the signed-in shell). A burst of incident events
 * becomes one refresh; EventSource reconnects by itself after network errors, and we reopen it when
 * the server closed it.
 */
export function useLiveStream(): Live {
  const [version, setVersion] = useState(0);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    let source: EventSource | undefined;
    let refresh: number | undefined;
    let reopen: number | undefined;
    const open = () => {
      source = new EventSource('/api/v1/stream');
      source.onopen = () => setConnected(true);
      source.onerror = () => {
        setConnected(false);
        if (source?.readyState === EventSource.CLOSED) reopen = window.setTimeout(open, RECONNECT_DELAY_MS);
      };
      source.addEventListener('incident', () => {
        if (refresh !== undefined) return;
        refresh = window.setTimeout(() => {
          refresh = undefined;
          setVersion((n) => n + 1);
        }, REFRESH_DELAY_MS);
      });
    };
    open();
    return () => {
      source?.close();
      window.clearTimeout(refresh);
      window.clearTimeout(reopen);
      setConnected(false);
    };
  }, []);
  return { version, connected };
}
