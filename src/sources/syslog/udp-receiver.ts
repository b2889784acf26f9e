import { createSocket } from 'node:dgram';
import { isIP } from 'node:net';
import { decodeMessage } from './decode-message.ts';
import { formatEndpoint } from './listen-address.ts';
import type { ListenAddress } from './listen-address.ts';
import type { ReceiverOptions, SyslogReceiver } from './receiver.ts';

/** Binds a UDP socket; each datagram is one message (RFC 5426). Rejects when the bind fails. */
export function startUdpReceiver(listen: ListenAddress, options: ReceiverOptions): Promise<SyslogReceiver> {
  const socket = createSocket({ type: isIP(listen.host) === 6 ? 'udp6' : 'udp4' });
  const { stats, maxMessageBytes } = options;
  socket.on('message', (datagram, peer) => {
    stats.bytes += datagram.length;
    const cut = datagram.length > maxMessageBytes;
    const text = decodeMessage(cut ? datagram.subarray(0, maxMessageBytes) : datagram, cut);
    if (text === '') return;
    stats.messages += 1;
    if (cut) stats.cut += 1;
    options.onMessage({ input: formatEndpoint('udp', peer.address), text });
  });

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      try {
        socket.close(() => resolve());
      } catch {
        resolve(); // never bound, or already closed
      }
    });
    return closed;
  };

  return new Promise((resolve, reject) => {
    const failBind = (error: Error) => {
      void close();
      reject(error);
    };
    socket.once('error', failBind);
    socket.bind({ address: listen.host, port: listen.port }, () => {
      socket.off('error', failBind);
      // A bound socket reports ICMP trouble from earlier sends; a receiver has none to care about.
      socket.on('error', () => {});
      const { address, port } = socket.address();
      resolve({ address: { protocol: 'udp', host: address, port }, pause() {}, resume() {}, close });
    });
  });
}
