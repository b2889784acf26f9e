import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/index.ts';
import { reasonOf } from './component-health.ts';
import type { LivePipeline } from './live-pipeline.ts';

/** How long the last commit and checkpoint may take before shutdown goes on without them. */
const FINAL_COMMIT_MS = 4_000;

export interface StopParts {
  stopSources: AbortController;
  stopLoops: AbortController;
  sourceRuns: readonly Promise<void>[];
  pipeline: LivePipeline;
  loops: readonly Promise<unknown>[];
  server: FastifyInstance;
  store: Store;
  log: (line: string) => void;
}

/**
 * Shutdown, in order: sources stop reading; what they read is committed with a checkpoint if the
 * store answers within a few seconds (else the next start resumes from the previous checkpoint,
 * and re-reads what followed it); the ticker and delivery end their turn; the server and store
 * close. Every step runs even when one before it failed.
 */
export async function stopLive(parts: StopParts): Promise<void> {
  parts.stopSources.abort();
  await Promise.all(parts.sourceRuns);
  try {
    await withinMs(parts.pipeline.commit({ checkpoint: true }), FINAL_COMMIT_MS, 'the store did not answer');
  } catch (error) {
    parts.log(`final checkpoint skipped, the next start resumes from the previous one: ${reasonOf(error)}`);
  }
  parts.stopLoops.abort();
  await Promise.all(parts.loops);
  await parts.server.close().catch((error: unknown) => parts.log(`closing the server: ${reasonOf(error)}`));
  await parts.store.close().catch((error: unknown) => parts.log(`closing the store: ${reasonOf(error)}`));
}

function withinMs<T>(work: Promise<T>, ms: number, why: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${why} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
