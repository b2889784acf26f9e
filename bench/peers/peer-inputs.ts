import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { generateBenchFiles } from '../generate.ts';

const PACK = fileURLToPath(new URL('../../rules/', import.meta.url));

export interface PeerInputs {
  /** 200,000 Winlogbeat 4625 documents, one a line, and the same as one JSON array with `_id`s. */
  ndjson: string;
  jsonArray: string;
  /** 200,000 sshd/syslog lines of 2024. */
  authLog: string;
  /** One-rule folders for Klaxon, each the shipped pack's rule that does the peer's job. */
  windowsRule: string;
  sshRule: string;
}

/** Writes the inputs into `dir` once; later runs keep them. */
export async function preparePeerInputs(dir: string, lines = 200_000): Promise<PeerInputs> {
  const files = await generateBenchFiles(dir, { ndjsonEvents: lines, sshdLines: lines, seed: 42 });
  const jsonArray = join(dir, 'winlogbeat-4625.array.json');
  if (!existsSync(jsonArray) || statSync(jsonArray).mtimeMs < statSync(files.ndjson).mtimeMs)
    await writeJsonArray(files.ndjson, jsonArray);
  return {
    ndjson: files.ndjson,
    jsonArray,
    authLog: files.authLog,
    windowsRule: packRule(dir, 'windows.yml', 'windows-logon-failure-source'),
    sshRule: packRule(dir, 'ssh.yml', 'ssh-brute-force-source'),
  };
}

/**
 * elastalert-test-rule --data reads one JSON array (json.loads), not NDJSON. Each document gets an
 * `_id`, as Elasticsearch would return it: without one the tester makes random ids and checks
 * each against a list of all earlier ones, which is quadratic and no part of ElastAlert's engine.
 */
async function writeJsonArray(ndjson: string, target: string): Promise<void> {
  const out = createWriteStream(target);
  let id = 0;
  out.write('[');
  for await (const line of createInterface({ input: createReadStream(ndjson), crlfDelay: Infinity })) {
    if (!line.startsWith('{')) continue;
    if (!out.write(`${id === 0 ? '' : ',\n'}{"_id":"${id}",${line.slice(1)}`))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    id++;
  }
  out.write(']\n');
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

function packRule(dir: string, file: string, id: string): string {
  const rules = parse(readFileSync(join(PACK, file), 'utf8')) as Array<{ id: string }>;
  const rule = rules.find((candidate) => candidate.id === id);
  if (rule === undefined) throw new Error(`rules/${file} has no rule ${id}`);
  const folder = join(dir, `rule-${id}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${id}.yml`), stringify(rule));
  return folder;
}
