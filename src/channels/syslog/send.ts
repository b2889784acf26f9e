import { readFile } from 'node:fs/promises';
import type { SendContext, SendResult } from '../channel.ts';
import type { SyslogPayload } from './render.ts';
import { effectivePort } from './schema.ts';
import type { SyslogConfig, SyslogSecrets } from './schema.ts';
import { sendDatagram } from './send-datagram.ts';
import { sendFramed } from './send-stream.ts';

export async function sendSyslog(
  payload: SyslogPayload,
  context: SendContext<SyslogConfig, SyslogSecrets>,
): Promise<SendResult> {
  const { config, signal } = context;
  if (signal.aborted) return { kind: 'retry', reason: 'timeout', message: 'sending was aborted' };
  const port = effectivePort(config);
  if (config.transport === 'udp') return sendDatagram(payload.message, config.host, port);
  let ca: string | undefined;
  if (config.transport === 'tls' && config.ca_file !== undefined) {
    try {
      ca = await readFile(config.ca_file, 'utf8');
    } catch (error) {
      return {
        kind: 'fail',
        reason: 'config',
        message: `cannot read ca_file ${config.ca_file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      };
    }
  }
  const tls =
    config.transport === 'tls'
      ? { rejectUnauthorized: config.tls_reject_unauthorized, ...(ca !== undefined && { ca }) }
      : undefined;
  return sendFramed(
    payload.message,
    { host: config.host, port, timeoutMs: config.timeout_ms, ...(tls && { tls }) },
    signal,
  );
}
