import { FINGERPRINT_BYTES } from './fingerprint.ts';
import type { Fingerprint } from './fingerprint.ts';
import type { TrackedFile } from './tracked-file.ts';

const RETIRED_KEPT = 32;

/**
 * What was read of content that may turn up again under another inode: a file copied away
 * before being truncated (logrotate's copytruncate), or a file whose inode was reused. Only
 * full fingerprints count: a short file's first bytes say too little to skip anything for it.
 */
export interface FileGenerations {
  /** The offset reached in content starting with `head`, read as another file or generation. */
  offsetFor(head: Fingerprint, exceptKey: string): number | undefined;
  /** Remembers a file's content before it starts over at 0. */
  retire(file: TrackedFile): void;
}

export function createFileGenerations(files: ReadonlyMap<string, TrackedFile>): FileGenerations {
  const retired: { fingerprint: Fingerprint; offset: number }[] = [];
  return {
    offsetFor(head, exceptKey) {
      if (head.bytes < FINGERPRINT_BYTES) return undefined;
      let best: number | undefined;
      for (const file of files.values()) {
        if (file.key !== exceptKey && file.fingerprint.sha256 === head.sha256)
          best = Math.max(best ?? 0, file.offset);
      }
      for (const generation of retired) {
        if (generation.fingerprint.sha256 === head.sha256) best = Math.max(best ?? 0, generation.offset);
      }
      return best;
    },
    retire(file) {
      if (file.fingerprint.bytes < FINGERPRINT_BYTES || file.offset === 0) return;
      retired.push({ fingerprint: file.fingerprint, offset: file.offset });
      if (retired.length > RETIRED_KEPT) retired.shift();
    },
  };
}
