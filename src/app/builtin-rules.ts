import { join } from 'node:path';
// Not through config/index.ts: that loads the YAML config loader, which a replay does not need.
import { packageFile } from '../config/package-files.ts';

/** The rule pack shipped with Klaxon (the `rules/` folder of the package), with a trailing slash. */
export const BUILTIN_RULES_DIR = join(packageFile('rules'), '/');
