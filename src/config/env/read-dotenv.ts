import { readFile } from 'node:fs/promises';
import { parseDotenv } from './parse-dotenv.ts';
import type { Dotenv } from './parse-dotenv.ts';

/** The `.env` file at `path`; a missing file is empty unless `required` (a path the user named). */
export async function readDotenv(path: string, required: boolean): Promise<Dotenv> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT' && !required) return { values: new Map(), issues: [] };
    return { values: new Map(), issues: [{ file: path, message: `cannot read the .env file (${code})` }] };
  }
  return parseDotenv(text, path);
}
