import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import { formatEndpoint } from './listen-address.ts';
import type { ListenAddress } from './listen-address.ts';
import type { ReceiverOptions, SyslogReceiver } from './receiver.ts';
import { TcpFrameDecoder } from './tcp-framing.ts';
import type { DecodedFrames } from './tcp-framing.ts';

const KEEPALIVE_MS = 60_000;

/** Listens for syslog over TCP (RFC 6587 framing). Rejects when the listen fails. */
export function startTcpReceiver(listen: ListenAddress, options: ReceiverOptions): Promise<SyslogReceiver> {
  const { stats } = options;
  const sockets = new Set<Socket>();
  let paused = false;

  const server = createServer((socket) => {
    sockets.add(socket);
    stats.connections += 1;
    stats.connectionsAccepted += 1;
    socket.on('close', () => {
      sockets.delete(socket);
      stats.connections -= 1;
    });
    socket.on('error', () => {}); // a reset by the peer just ends the connection
    socket.setKeepAlive(true, KEEPALIVE_MS);
    if (paused) socket.pause();
    readConnection(socket, options);
  });
  server.maxConnections = options.maxConnections;
  server.on('drop', () => {
    stats.connectionsRejected += 1;
  });

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
    return closed;
  };

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: listen.host, port: listen.port }, () => {
      server.off('error', reject);
      server.on('error', () => {});
      const bound = server.address();
      const port = typeof bound === 'object' && bound !== null ? bound.port : listen.port;
      const host = typeof bound === 'object' && bound !== null ? bound.address : listen.host;
      resolve({
        address: { protocol: 'tcp', host, port },
        pause() {
          paused = true;
          for (const socket of sockets) socket.pause();
        },
        resume() {
          paused = false;
          for (const socket of sockets) socket.resume();
        },
        close,
      });
    });
  });
}

function readConnection(socket: Socket, options: ReceiverOptions): void {
  const { stats } = options;
  const input = formatEndpoint('tcp', socket.remoteAddress ?? 'unknown');
  const decoder = new TcpFrameDecoder(options.maxMessageBytes);
  const hand = (frames: DecodedFrames) => {
    stats.messages += frames.messages.length;
    stats.cut += frames.cut;
    for (const text of frames.messages) options.onMessage({ input, text });
    if (frames.error === undefined) return;
    stats.framingErrors += 1;
    socket.destroy();
  };
  socket.on('data', (chunk: Buffer) => {
    stats.bytes += chunk.length;
    hand(decoder.push(chunk));
  });
  socket.on('end', () => {
    hand(decoder.end());
    socket.end();
  });
}
