import { fileURLToPath } from 'node:url';

/** The rule pack shipped with Klaxon (the `rules/` folder of the package). */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
