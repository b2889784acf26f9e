import type { SourceDependencies, SourceSink } from '../source.ts';
import { describeBindError } from './describe-bind-error.ts';
import { formatEndpoint } from './listen-address.ts';
import type { ListenAddress } from './listen-address.ts';
import type { ReceiverOptions, SyslogReceiver } from './receiver.ts';
import { startTcpReceiver } from './tcp-receiver.ts';
import { startUdpReceiver } from './udp-receiver.ts';

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * Binds the receiver, reporting each failure as `failing` and retrying with backoff (1 s doubling
 * to 30 s) until it binds or `signal` aborts (then undefined).
 */
export async function bindReceiver(
  listen: ListenAddress,
  options: ReceiverOptions,
  sink: SourceSink,
  signal: AbortSignal,
  sleep: SourceDependencies['sleep'],
): Promise<SyslogReceiver | undefined> {
  const start = listen.protocol === 'udp' ? startUdpReceiver : startTcpReceiver;
  const where = formatEndpoint(listen.protocol, listen.host, listen.port);
  for (let attempt = 0; !signal.aborted; attempt += 1) {
    try {
      const receiver = await start(listen, options);
      if (!signal.aborted) return receiver;
      await receiver.close();
      return undefined;
    } catch (error) {
      sink.status({ state: 'failing', message: `cannot listen on ${where}: ${describeBindError(error)}` });
      await sleep(Math.min(FIRST_RETRY_MS * 2 ** attempt, MAX_RETRY_MS), signal);
    }
  }
  return undefined;
}
