import { fileURLToPath } from 'node:url';

/**
 * The SigmaHQ rules the bench and the Sigma equivalence tests run: 186 rules copied unchanged from
 * SigmaHQ/sigma (Detection Rule License 1.1; test/fixtures/sigmahq/SOURCE.md says how they were
 * picked). `$SIGMA_RULES_DIR` names another folder.
 */
export const SIGMA_CORPUS =
  process.env.SIGMA_RULES_DIR || fileURLToPath(new URL('../fixtures/sigmahq/', import.meta.url));
