// Replay of Sysmon process creations with 0, 100 or all loadable Sigma rules (SigmaHQ Windows
// rules from a folder, or the synthetic set), as `klaxon replay` runs them, without printing.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runReplay } from '../../src/app/index.ts';
import type { Rule } from '../../src/rules/index.ts';
import { compileSigmaCollection, parseSigmaText } from '../../src/rules/sigma/index.ts';
import type { SigmaDocument } from '../../src/rules/sigma/index.ts';
import { syntheticSigmaRules } from '../sigma-data.ts';
import { report } from './measure.ts';

// Arguments: events file, how many rules ('0', '100', 'all'), a Sigma folder or '-' (synthetic).
const [path, howMany, folder] = process.argv.slice(2) as [string, string, string];

async function readFolder(dir: string): Promise<SigmaDocument[]> {
  const files = await yamlFiles(dir);
  return (
    await Promise.all(files.map(async (file) => parseSigmaText(await readFile(file, 'utf8'), file)))
  ).flat();
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? yamlFiles(join(dir, entry.name))
        : /\.ya?ml$/i.test(entry.name)
          ? [join(dir, entry.name)]
          : [],
    ),
  );
  return nested.flat().sort();
}

// The floor loads nothing, so that the rules' memory is part of what the other rows measure.
const loadStarted = performance.now();
const docs: SigmaDocument[] =
  howMany === '0'
    ? []
    : folder === '-'
      ? parseSigmaText(syntheticSigmaRules(2000), 'synthetic.yml')
      : await readFolder(folder);
const windows = docs.filter(
  (doc) =>
    doc.kind !== 'rule' || (doc.body.logsource as { product?: string } | undefined)?.product === 'windows',
);
const loaded = compileSigmaCollection(windows);
const loadMs = performance.now() - loadStarted;
const rules: Rule[] =
  howMany === 'all' || howMany === '0' ? loaded.rules : loaded.rules.slice(0, Number(howMany));

const started = performance.now();
const result = await runReplay({ inputs: [path], rules });
const ms = performance.now() - started;
report({
  ms,
  lines: result.totals.lines,
  events: result.totals.events,
  incidents: result.incidents.length,
  rules: rules.length,
  gated: rules.filter((rule) => rule.literals !== undefined).length,
  documents: windows.length,
  refused: loaded.refused.length,
  loadMs,
});
