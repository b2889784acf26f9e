import { connect, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

export interface TcpRelay {
  url: string;
  port: number;
  /** Bytes relayed so far: `up` to the target, `down` back from it. */
  bytes: { up: number; down: number };
  /** Cuts every connection and refuses new ones, as a node that stops. */
  close(): Promise<void>;
}

/** A TCP relay on 127.0.0.1 in front of `target` (an http URL), counting the bytes it carries. */
export async function startTcpRelay(target: URL): Promise<TcpRelay> {
  const sockets = new Set<Socket>();
  const bytes = { up: 0, down: 0 };
  const server = createServer((socket) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(socket).add(upstream);
    socket.on('data', (chunk: Buffer) => (bytes.up += chunk.length));
    upstream.on('data', (chunk: Buffer) => (bytes.down += chunk.length));
    socket.pipe(upstream).pipe(socket);
    const end = () => {
      socket.destroy();
      upstream.destroy();
      sockets.delete(socket);
      sockets.delete(upstream);
    };
    socket.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    bytes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
