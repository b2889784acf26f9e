import { KlaxonError, StoreError } from '../core/index.ts';
import { redactError } from './redact.ts';
import type { Redact } from './redact.ts';

/** Klaxon's own errors pass through; anything else (a driver error) becomes a StoreError. */
export function toStoreError(operation: string, error: unknown, redact: Redact): unknown {
  if (error instanceof KlaxonError) return error;
  return new StoreError(operation, { cause: redactError(error, redact) });
}

/** The same object with every method's failures turned into StoreErrors named `name.method`. */
export function guardMethods<T extends object>(name: string, target: T, redact: Redact): T {
  const guarded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target)) {
    if (typeof value !== 'function') {
      guarded[key] = value;
      continue;
    }
    const method = value as (...args: unknown[]) => Promise<unknown>;
    guarded[key] = async (...args: unknown[]) => {
      try {
        return await method(...args);
      } catch (error) {
        throw toStoreError(`${name}.${key}`, error, redact);
      }
    };
  }
  return guarded as T;
}
