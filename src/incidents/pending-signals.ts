import type { Detection } from '../core/index.ts';

/**
 * What is left of an update a later signal of its episode superseded: the time it reached. Its
 * incident's case is extended to it where it stood among the signals, as writing it would have,
 * so that an incident opening after it finds the case as a replay in memory (or a checkpoint
 * right after it) would.
 */
export interface SupersededUpdate {
  readonly superseded: true;
  readonly episodeId: string;
  readonly lastSeen: number;
}

/** A signal to write, or what is left of one (see SupersededUpdate). */
export type Pending = Detection | SupersededUpdate;

/** What an update a later signal of its episode superseded leaves. */
export function supersede(update: Detection): SupersededUpdate {
  return { superseded: true, episodeId: update.episodeId, lastSeen: update.lastSeen };
}

export function isSuperseded(pending: Pending): pending is SupersededUpdate {
  return 'superseded' in pending;
}

export function isSignal(pending: Pending): pending is Detection {
  return !isSuperseded(pending);
}

export function isUpdate(pending: Pending | undefined): pending is Detection {
  return pending !== undefined && !isSuperseded(pending) && pending.state === 'updated';
}
