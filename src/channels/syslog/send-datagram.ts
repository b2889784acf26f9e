import { createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import type { SendResult } from '../channel.ts';
import { classifySocketError } from './classify-socket-error.ts';

/**
 * One UDP datagram (RFC 5426). UDP says nothing about delivery: ok means the datagram left this
 * host. Only a failed name lookup or a local send error (EMSGSIZE) is reported.
 */
export async function sendDatagram(message: string, host: string, port: number): Promise<SendResult> {
  const where = `${host}:${port}/udp`;
  let target;
  try {
    target = await lookup(host);
  } catch (error) {
    return classifySocketError(error, where);
  }
  const socket = createSocket(target.family === 6 ? 'udp6' : 'udp4');
  return new Promise<SendResult>((resolve) => {
    socket.once('error', (error) => {
      socket.close();
      resolve(classifySocketError(error, where));
    });
    socket.send(Buffer.from(message, 'utf8'), port, target.address, (error) => {
      socket.close();
      resolve(error ? classifySocketError(error, where) : { kind: 'ok' });
    });
  });
}
