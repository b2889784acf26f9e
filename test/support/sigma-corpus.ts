import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The SigmaHQ rules the bench and the Sigma equivalence tests run (Detection Rule License 1.1, kept
 * outside the repository with its SOURCE.md). Looked for in `$SIGMA_RULES_DIR`, then beside the
 * repository (`../sigma-corpus`), then at `/work/sigma-corpus`. Missing, it fails loudly.
 */
function findCorpus(): string {
  const candidates = [
    process.env.SIGMA_RULES_DIR,
    fileURLToPath(new URL('../../../sigma-corpus/', import.meta.url)),
    '/work/sigma-corpus/',
  ].filter((candidate): candidate is string => candidate !== undefined && candidate !== '');
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined)
    throw new Error(`the Sigma corpus is missing (looked in ${candidates.join(', ')}); set SIGMA_RULES_DIR`);
  return found;
}

export const SIGMA_CORPUS = findCorpus();
