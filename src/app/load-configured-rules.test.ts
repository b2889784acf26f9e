import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../core/index.ts';
import { loadKlaxonConfig } from './load-config.ts';
import { loadConfiguredRules } from './load-configured-rules.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function configFile(extra: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-rules-'));
  dirs.push(dir);
  const path = join(dir, 'klaxon.yaml');
  writeFileSync(path, `channels:\n  out: { type: console }\nroutes:\n  - channels: [out]\n${extra}`);
  return path;
}

async function enabledOf(extra: string, id: string): Promise<boolean | undefined> {
  const rules = await loadConfiguredRules(await loadKlaxonConfig(configFile(extra)));
  return rules.find((rule) => rule.id === id)?.enabled;
}

describe('switching shipped rules from klaxon.yaml', () => {
  it('leaves the absence rule of the pack off unless rules_enabled names it', async () => {
    expect(await enabledOf('', 'log-source-silent')).toBe(false);
    expect(await enabledOf('rules_enabled: [log-source-silent]\n', 'log-source-silent')).toBe(true);
  });

  it('switches a rule off with rules_disabled', async () => {
    expect(await enabledOf('', 'ssh-brute-force-source')).toBe(true);
    expect(await enabledOf('rules_disabled: [ssh-brute-force-source]\n', 'ssh-brute-force-source')).toBe(
      false,
    );
  });

  it('refuses an id no loaded rule has, naming the key and the id', async () => {
    const config = await loadKlaxonConfig(configFile('rules_enabled: [log-source-silnet]\n'));
    const error = await loadConfiguredRules(config).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(
      'rules_enabled: no rule with id `log-source-silnet` is loaded',
    );
  });

  it('refuses an id that is both enabled and disabled, and a value that is not a list', async () => {
    const both = loadKlaxonConfig(configFile('rules_enabled: [a-rule]\nrules_disabled: [a-rule]\n'));
    await expect(both).rejects.toThrow(/rules_disabled.*`a-rule` is also in rules_enabled/);
    const scalar = loadKlaxonConfig(configFile('rules_enabled: log-source-silent\n'));
    await expect(scalar).rejects.toThrow(/rules_enabled: expected a list of rule ids/);
  });
});
