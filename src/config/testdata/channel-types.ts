import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import type { ChannelTypeSchemas } from '../index.ts';

/** Two small channel types for the tests: `chat` (a room and a token) and `mail`. */
export const fakeChannelTypes: ReadonlyMap<string, ChannelTypeSchemas> = new Map([
  [
    'chat',
    {
      configSchema: z
        .object({ room: z.string().min(1), silent: z.boolean().default(false), port: z.number().int().optional() })
        .strict(),
      secretsSchema: z.object({ token: z.string().regex(/^[a-z0-9-]{12,}$/, 'token must be 12 or more of a-z, 0-9, -') }).strict(),
    },
  ],
  [
    'mail',
    {
      configSchema: z
        .object({
          from: z.string(),
          to: z.array(z.email()).min(1),
          pgp_public_keys: z.record(z.string(), z.string()).optional(),
          ca_file: z.string().optional(),
        })
        .strict(),
      secretsSchema: z.object({ smtp_url: z.string().startsWith('smtp') }).strict(),
    },
  ],
  [
    'clash',
    {
      configSchema: z.object({ headers: z.record(z.string(), z.string()) }).strict(),
      secretsSchema: z.object({ headers: z.record(z.string(), z.string()) }).strict(),
    },
  ],
]);

/** The path of a file under testdata/. */
export function testdataPath(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}
