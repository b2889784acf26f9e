import { z } from 'zod';

export const consoleConfigSchema = z
  .object({
    stream: z.enum(['stdout', 'stderr']).default('stdout'),
  })
  .strict();

export const consoleSecretsSchema = z.object({}).strict();

export type ConsoleConfig = z.infer<typeof consoleConfigSchema>;
export type ConsoleSecrets = z.infer<typeof consoleSecretsSchema>;
