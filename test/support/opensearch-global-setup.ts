import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's one OpenSearch node lives, once a test file asked for it (opensearch-node.ts). */
    opensearchDir: string;
  }
}

/**
 * Names the folder of the run's shared OpenSearch node; the node itself is started by the first
 * test file that needs it (so runs without such files start none) and stopped here at the end.
 */
export default function setup(project: TestProject): () => void {
  const dir = join(tmpdir(), `klaxon-opensearch-${process.pid}-${Date.now()}`);
  project.provide('opensearchDir', dir);
  return () => {
    if (existsSync(dir)) {
      execFileSync('bash', [join(import.meta.dirname, '../../scripts/opensearch.sh'), 'stop', dir], {
        stdio: 'inherit',
      });
    }
    rmSync(`${dir}.lock`, { recursive: true, force: true });
  };
}
