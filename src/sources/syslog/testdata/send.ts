import { createSocket } from 'node:dgram';
import type { Socket as UdpSocket } from 'node:dgram';
import { connect } from 'node:net';
import type { Socket } from 'node:net';

/** A UDP client that sends each message as one datagram and waits for the send to complete. */
export function udpClient(port: number, host = '127.0.0.1'): { send(message: string | Buffer): Promise<void>; close(): void } {
  const socket: UdpSocket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  return {
    send: (message) =>
      new Promise((resolve, reject) => socket.send(message, port, host, (error) => (error ? reject(error) : resolve()))),
    close: () => socket.close(),
  };
}

/** A connected TCP client, and a promise that resolves when the server closes it. */
export async function tcpClient(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  const socket = connect({ host: '127.0.0.1', port });
  socket.on('error', () => {}); // the tests look at `closed`
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, closed };
}

/** Writes and waits until the bytes are handed to the kernel. */
export function write(socket: Socket, data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => socket.write(data, (error) => (error ? reject(error) : resolve())));
}

/** Resolves with the error code of a connection attempt that fails, or 'connected'. */
export function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}
