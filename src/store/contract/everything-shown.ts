import { inspect } from 'node:util';

/** Everything an error could show: message, stack, inspect output with its whole cause chain. */
export function everythingShownBy(error: unknown): string {
  const parts = [inspect(error, { depth: 10 })];
  for (let current: unknown = error; current instanceof Error; current = current.cause)
    parts.push(String(current), current.stack ?? '');
  return parts.join('\n');
}
