import { join } from 'node:path';
import { packageFile } from '../config/index.ts';

/** The rule pack shipped with Klaxon (the `rules/` folder of the package), with a trailing slash. */
export const BUILTIN_RULES_DIR = join(packageFile('rules'), '/');
