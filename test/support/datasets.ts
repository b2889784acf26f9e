import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The public logs the tests replay (`shared/datasets`, kept outside the repository with their
 * licences). Looked for in `$KLAXON_DATASETS`, then beside the repository (`../shared/datasets`,
 * the usual checkout), then at `/work/shared/datasets` (a clone made elsewhere on the build
 * machine). Missing datasets fail loudly rather than skip tests.
 */
function findDatasets(): string {
  const candidates = [
    process.env.KLAXON_DATASETS,
    fileURLToPath(new URL('../../../shared/datasets/', import.meta.url)),
    '/work/shared/datasets/',
  ].filter((candidate): candidate is string => candidate !== undefined && candidate !== '');
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined)
    throw new Error(
      `the shared datasets are missing (looked in ${candidates.join(', ')}); set KLAXON_DATASETS`,
    );
  return found.endsWith('/') ? found : `${found}/`;
}

/** Absolute path of the datasets folder, with a trailing `/`. */
export const DATASETS = findDatasets();

/** A file or folder of the datasets, as a file URL (for readFileSync and friends). */
export function datasetUrl(path: string): URL {
  return new URL(path, `file://${DATASETS}`);
}
