import type { ListenAddress } from './listen-address.ts';
import type { ReceivedMessage } from './message-queue.ts';
import type { SyslogStats } from './syslog-stats.ts';

/** A bound UDP socket or TCP server handing on each message it frames. */
export interface SyslogReceiver {
  /** The bound address: the real port when port 0 was asked for. */
  readonly address: ListenAddress;
  /** Stops reading from TCP connections while the pipeline is busy (UDP cannot pause). */
  pause(): void;
  resume(): void;
  /** Stops listening and closes every connection; idempotent. */
  close(): Promise<void>;
}

export interface ReceiverOptions {
  maxMessageBytes: number;
  maxConnections: number;
  /** Updated in place as messages, bytes and connections come and go. */
  stats: SyslogStats;
  onMessage(message: ReceivedMessage): void;
}
