import { z } from 'zod';

export const fileConfigSchema = z
  .object({
    /** Appended to, one JSON line per notification; missing parent folders are created. */
    path: z.string().min(1),
  })
  .strict();

export const fileSecretsSchema = z.object({}).strict();

export type FileConfig = z.infer<typeof fileConfigSchema>;
export type FileSecrets = z.infer<typeof fileSecretsSchema>;
