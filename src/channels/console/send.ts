import type { Writable } from 'node:stream';
import type { SendContext, SendResult } from '../channel.ts';
import type { ConsolePayload } from './render.ts';
import type { ConsoleConfig, ConsoleSecrets } from './schema.ts';

export type ConsoleStreams = Record<ConsoleConfig['stream'], Writable>;

/** Writes the block and waits until the stream has taken it; a closed stream is a permanent failure. */
export function sendConsole(
  payload: ConsolePayload,
  context: SendContext<ConsoleConfig, ConsoleSecrets>,
  streams: ConsoleStreams,
): Promise<SendResult> {
  const stream = streams[context.config.stream];
  return new Promise<SendResult>((resolve) => {
    if (stream.destroyed || stream.writableEnded) {
      resolve({ kind: 'fail', reason: 'config', message: `${context.config.stream} is closed` });
      return;
    }
    stream.write(payload.text, (error) => {
      const code = (error as NodeJS.ErrnoException | null | undefined)?.code;
      resolve(
        error
          ? {
              kind: 'fail',
              reason: 'config',
              message: `cannot write to ${context.config.stream} (${code ?? error.message})`,
            }
          : { kind: 'ok' },
      );
    });
  });
}
