import { connect as connectTcp } from 'node:net';
import type { Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { SendResult } from '../channel.ts';
import { classifySocketError } from './classify-socket-error.ts';

export interface StreamTarget {
  host: string;
  port: number;
  /** Present for TLS (RFC 5425): how to check the collector's certificate. */
  tls?: { ca?: string; rejectUnauthorized: boolean };
  timeoutMs: number;
}

/**
 * One connection per message: connect, write the message with octet-counting framing
 * (`<bytes> <message>`, RFC 6587 §3.4.1 and RFC 5425), close. Alerts are few; a connection that
 * lives between them would need its own health checks for no gain. Ok once the bytes are
 * handed to the kernel after a completed handshake: syslog over TCP has no application-level ack.
 */
export function sendFramed(message: string, target: StreamTarget, signal: AbortSignal): Promise<SendResult> {
  const where = `${target.host}:${target.port}/${target.tls ? 'tls' : 'tcp'}`;
  const body = Buffer.from(message, 'utf8');
  const frame = Buffer.concat([Buffer.from(`${body.length} `, 'ascii'), body]);
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: SendResult, socket: Socket) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (result.kind !== 'ok') socket.destroy();
      resolve(result);
    };
    const write = () => socket.end(frame, () => finish({ kind: 'ok' }, socket));
    const socket = target.tls
      ? connectTls(
          {
            host: target.host,
            port: target.port,
            ...target.tls,
            ...(isName(target.host) && { servername: target.host }),
            minVersion: 'TLSv1.2',
          },
          write,
        )
      : connectTcp({ host: target.host, port: target.port }, write);
    const onAbort = () =>
      finish({ kind: 'retry', reason: 'timeout', message: `sending to ${where} was aborted` }, socket);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.setTimeout(target.timeoutMs, () =>
      finish(classifySocketError({ code: 'ETIMEDOUT' }, where), socket),
    );
    socket.on('error', (error) => finish(classifySocketError(error, where), socket));
  });
}

function isName(host: string): boolean {
  return !/^[\d.]+$/.test(host) && !host.includes(':');
}
