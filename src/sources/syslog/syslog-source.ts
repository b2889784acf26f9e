import { InputError } from '../../core/index.ts';
import type { EventSource, SourceDependencies, SourceSink } from '../source.ts';
import { bindReceiver } from './bind-receiver.ts';
import { formatEndpoint, parseListenAddress } from './listen-address.ts';
import type { ListenAddress } from './listen-address.ts';
import { groupIntoBatches, MessageQueue } from './message-queue.ts';
import type { ReceivedMessage } from './message-queue.ts';
import type { SyslogReceiver } from './receiver.ts';
import type { SyslogSourceConfig } from './schema.ts';
import { createSyslogStats } from './syslog-stats.ts';
import type { SyslogStats } from './syslog-stats.ts';

/** A batch goes out at this many messages, or this long after its first message arrived. */
const MAX_BATCH_MESSAGES = 500;
const GATHER_MS = 20;
/** UDP cannot be paused: beyond this many undelivered messages, new ones are dropped (and counted). */
const UDP_QUEUE_LIMIT = 10_000;

/** The syslog source, plus what tests and metrics read from it. */
export interface SyslogSource extends EventSource {
  /** Where it listens (the real port when the config said 0); undefined before binding and after closing. */
  address(): ListenAddress | undefined;
  /** A copy of the counters. */
  stats(): SyslogStats;
}

type SyslogSourceDependencies = Pick<SourceDependencies, 'sleep'>;

/**
 * Listens for syslog messages (UDP datagrams, or TCP with RFC 6587 framing) and hands them on as
 * `lines` batches per peer (`udp://203.0.113.9`). A network source cannot resume: every position
 * is null. Aborting stops listening and closes connections, then delivers what was received.
 */
export function createSyslogSource(
  name: string,
  config: SyslogSourceConfig,
  dependencies: SyslogSourceDependencies,
): SyslogSource {
  const listen = parseListenAddress(config.listen);
  if (!listen) throw new InputError(`source ${name}: listen must be udp://HOST:PORT or tcp://HOST:PORT`);
  const stats = createSyslogStats();
  let receiver: SyslogReceiver | undefined;

  const run = async (sink: SourceSink, signal: AbortSignal): Promise<void> => {
    if (signal.aborted) return;
    sink.status({ state: 'starting' });
    const queue = new MessageQueue();
    const onMessage = (message: ReceivedMessage) => {
      if (listen.protocol === 'udp' && queue.size >= UDP_QUEUE_LIMIT) stats.dropped += 1;
      else queue.push(message);
    };
    const options = {
      maxMessageBytes: config.max_message_bytes,
      maxConnections: config.max_connections,
      stats,
      onMessage,
    };
    const bound = await bindReceiver(listen, options, sink, signal, dependencies.sleep);
    if (!bound) return;
    receiver = bound;
    const close = () => {
      receiver = undefined;
      return bound.close();
    };
    signal.addEventListener('abort', close, { once: true });
    const { protocol, host, port } = bound.address;
    sink.status({ state: 'live', message: `listening on ${formatEndpoint(protocol, host, port)}` });
    try {
      while (!signal.aborted) {
        await waitForBatch(queue, signal, dependencies.sleep);
        await deliver(queue.take(MAX_BATCH_MESSAGES), sink, bound);
      }
    } finally {
      signal.removeEventListener('abort', close);
      await close();
    }
    while (queue.size > 0) await deliver(queue.take(MAX_BATCH_MESSAGES), sink, bound);
  };

  return {
    name,
    type: 'syslog',
    run,
    address: () => receiver?.address,
    stats: () => ({ ...stats }),
  };
}

/** Waits for a first message, then up to GATHER_MS for a full batch; returns at once on abort. */
async function waitForBatch(
  queue: MessageQueue,
  signal: AbortSignal,
  sleep: SourceDependencies['sleep'],
): Promise<void> {
  await queue.waitForSize(1, signal);
  if (signal.aborted || queue.size >= MAX_BATCH_MESSAGES) return;
  const gathered = new AbortController();
  const stop = () => gathered.abort();
  signal.addEventListener('abort', stop, { once: true });
  void queue.waitForSize(MAX_BATCH_MESSAGES, gathered.signal).then(stop);
  await sleep(GATHER_MS, gathered.signal);
  stop();
  signal.removeEventListener('abort', stop);
}

/** Hands the messages on, one batch per peer, with TCP reading paused meanwhile (backpressure). */
async function deliver(
  messages: ReceivedMessage[],
  sink: SourceSink,
  receiver: SyslogReceiver,
): Promise<void> {
  if (messages.length === 0) return;
  receiver.pause();
  try {
    for (const batch of groupIntoBatches(messages)) await sink.deliver(batch);
  } finally {
    receiver.resume();
  }
}
