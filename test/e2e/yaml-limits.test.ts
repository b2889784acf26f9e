import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { billionLaughs } from '../../src/config/testdata/billion-laughs.ts';
import { runCli, type CliRun } from './run-cli.ts';

const folder = mkdtempSync(join(tmpdir(), 'klaxon-yaml-'));
const write = (name: string, text: string): string => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};
// The bomb's fifth line holds the alias that crosses the limit, after 5 lines of rule and 1 of config.
const bombRules = write(
  'bomb.yml',
  `id: lol\ntitle: Lol\ntype: match\nwhere: { user.name: x }\nseverity: low\n${billionLaughs()}`,
);
const bombConfig = write('klaxon.yaml', `store: sqlite:${join(folder, 'k.db')}\n${billionLaughs()}`);
const configWithBombRules = write(
  'rules-bomb.yaml',
  `store: sqlite:${join(folder, 'k2.db')}\nbuiltin_rules: false\nrules: [${bombRules}]\nserver: { listen: "127.0.0.1:0" }\n`,
);
const events = write('one.ndjson', '{"@timestamp":"2024-05-01T10:00:00Z","user":{"name":"x"}}\n');

function expectCleanRefusal(run: CliRun, where: string): void {
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`${where}: YAML: aliases expand to more than 10000 values`);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe('a YAML alias bomb is refused with file and line, exit 1, no stack trace', () => {
  it('klaxon rules check', async () => {
    expectCleanRefusal(await runCli('rules', 'check', bombRules), `${bombRules}:10:16`);
  });

  it('klaxon replay --rules', async () => {
    expectCleanRefusal(await runCli('replay', '--rules', bombRules, events), `${bombRules}:10:16`);
  });

  it('klaxon config check', async () => {
    expectCleanRefusal(await runCli('config', 'check', '--config', bombConfig), `${bombConfig}:6:16`);
  });

  it('klaxon start, with the bomb in klaxon.yaml or in a rule file it names', async () => {
    expectCleanRefusal(await runCli('start', '--config', bombConfig), `${bombConfig}:6:16`);
    expectCleanRefusal(await runCli('start', '--config', configWithBombRules), `${bombRules}:10:16`);
  });
});
