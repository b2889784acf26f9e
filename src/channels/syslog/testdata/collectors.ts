import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export interface Collector {
  port: number;
  /** Resolves with the next message to arrive (framing removed). */
  nextMessage(): Promise<string>;
  close(): Promise<void>;
}

/** Hands messages to whoever waits for one, in arrival order. */
function createInbox() {
  const queued: string[] = [];
  const waiting: ((message: string) => void)[] = [];
  return {
    push(message: string) {
      const waiter = waiting.shift();
      if (waiter) waiter(message);
      else queued.push(message);
    },
    next(): Promise<string> {
      const message = queued.shift();
      return message !== undefined ? Promise.resolve(message) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

/** A UDP syslog collector on 127.0.0.1 (RFC 5426): one message per datagram. */
export async function startUdpCollector(): Promise<Collector> {
  const inbox = createInbox();
  const socket = createSocket('udp4');
  socket.on('message', (data) => inbox.push(data.toString('utf8')));
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return {
    port: socket.address().port,
    nextMessage: inbox.next,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

/** A TCP (or TLS) syslog collector on 127.0.0.1 that reads octet-counted frames (RFC 6587 §3.4.1, RFC 5425). */
export async function startStreamCollector(tls?: { key: string; cert: string }): Promise<Collector> {
  const inbox = createInbox();
  const sockets = new Set<Socket>();
  const onConnection = (socket: Socket) => {
    sockets.add(socket);
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (let space = buffer.indexOf(0x20); space > 0; space = buffer.indexOf(0x20)) {
        const length = Number(buffer.subarray(0, space).toString('ascii'));
        if (buffer.length < space + 1 + length) break;
        inbox.push(buffer.subarray(space + 1, space + 1 + length).toString('utf8'));
        buffer = buffer.subarray(space + 1 + length);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  };
  const server: Server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, onConnection) : createTcpServer(onConnection);
  server.on('tlsClientError', () => undefined);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    nextMessage: inbox.next,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
