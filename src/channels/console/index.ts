import type { ChannelDefinition } from '../channel.ts';
import { renderConsole } from './render.ts';
import type { ConsolePayload } from './render.ts';
import { consoleConfigSchema, consoleSecretsSchema } from './schema.ts';
import type { ConsoleConfig, ConsoleSecrets } from './schema.ts';
import { sendConsole } from './send.ts';
import type { ConsoleStreams } from './send.ts';

export type { ConsoleConfig } from './schema.ts';
export type { ConsolePayload } from './render.ts';
export type { ConsoleStreams } from './send.ts';

/** The console channel writing to the given streams (tests pass their own). */
export function createConsoleChannel(
  streams: () => ConsoleStreams = () => ({ stdout: process.stdout, stderr: process.stderr }),
): ChannelDefinition<ConsoleConfig, ConsoleSecrets, ConsolePayload> {
  return {
    type: 'console',
    configSchema: consoleConfigSchema,
    secretsSchema: consoleSecretsSchema,
    render: renderConsole,
    send: (payload, context) => sendConsole(payload, context, streams()),
  };
}

/** The plain-text message on stdout (or stderr), for the demo and for trying Klaxon out. */
export const consoleChannel = createConsoleChannel();
