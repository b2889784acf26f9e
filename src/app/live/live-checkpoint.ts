import type { DigestSnapshot } from '../../routing/index.ts';
import type { StoreOperations } from '../../store/index.ts';

/** What live operation keeps across a restart besides incidents and the outbox. */
export interface LiveCheckpoint {
  version: 1;
  /** The detection engine's windows. */
  engine: string;
  /** Per source name: the position of the last batch the engine snapshot includes. */
  positions: Record<string, unknown>;
  digests: DigestSnapshot;
}

const CHECKPOINT_NAME = 'live';

export async function loadLiveCheckpoint(store: StoreOperations): Promise<LiveCheckpoint | undefined> {
  const saved = await store.checkpoints.load(CHECKPOINT_NAME);
  if (!saved) return undefined;
  const data = JSON.parse(saved.data) as LiveCheckpoint;
  return data.version === 1 ? data : undefined;
}

export async function saveLiveCheckpoint(
  tx: StoreOperations,
  checkpoint: LiveCheckpoint,
  at: number,
): Promise<void> {
  await tx.checkpoints.save(CHECKPOINT_NAME, JSON.stringify(checkpoint), at);
}
