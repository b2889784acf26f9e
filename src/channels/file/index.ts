import type { ChannelDefinition } from '../channel.ts';
import { renderFile } from './render.ts';
import type { FilePayload } from './render.ts';
import { fileConfigSchema, fileSecretsSchema } from './schema.ts';
import type { FileConfig, FileSecrets } from './schema.ts';
import { sendFile } from './send.ts';

export type { FileConfig } from './schema.ts';
export type { FilePayload } from './render.ts';

/** One JSON line per notification appended to a file: for the demo and for outbox tests. */
export const fileChannel: ChannelDefinition<FileConfig, FileSecrets, FilePayload> = {
  type: 'file',
  configSchema: fileConfigSchema,
  secretsSchema: fileSecretsSchema,
  render: renderFile,
  send: sendFile,
};
