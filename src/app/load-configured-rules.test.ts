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

describe('Sigma rules named in klaxon.yaml (what klaxon start runs)', () => {
  it('loads them beside the pack, switches them by their id, and says how many load', async () => {
    const sigmaDir = new URL('../rules/sigma/testdata/replay/', import.meta.url).pathname;
    const config = await loadKlaxonConfig(
      configFile(
        `rules: [${JSON.stringify(sigmaDir)}]\nrules_disabled: [3f1c2a60-7b4d-4e8a-9c51-2d0e6b7a9f11]\n`,
      ),
    );
    const told: string[] = [];
    const rules = await loadConfiguredRules(config, (line) => told.push(line));
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    expect(byId.get('7d2b9e44-0c6a-4f3e-8b1d-5a9c7e2f4b03')?.sigma?.title).toBe(
      'OpenSSH server process started for a connection',
    );
    expect(byId.get('3f1c2a60-7b4d-4e8a-9c51-2d0e6b7a9f11')?.enabled).toBe(false);
    expect(byId.has('klaxon-windows-logon-failures')).toBe(true);
    expect(byId.has('ssh-brute-force-source')).toBe(true);
    expect(told).toEqual(['4 of 5 Sigma rules load; 1 refused (`klaxon rules check` names each and why)']);
  });

  it('expands Sigma placeholders from sigma_placeholders:, and refuses a malformed list', async () => {
    const sigmaDir = new URL('../rules/sigma/testdata/replay/', import.meta.url).pathname;
    const config = await loadKlaxonConfig(
      configFile(
        `builtin_rules: false\nrules: [${JSON.stringify(sigmaDir)}]\nsigma_placeholders:\n  Administrators: [root, 'adm_*']\n`,
      ),
    );
    const told: string[] = [];
    const rules = await loadConfiguredRules(config, (line) => told.push(line));
    expect(told).toEqual(['5 of 5 Sigma rules load']);
    const admins = rules.find((rule) => rule.id === '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9');
    const logon = (name: string) => ({
      '@timestamp': '2024-03-01T10:00:00.000Z',
      event: { code: '4624' },
      winlog: { channel: 'Security', event_id: '4624', event_data: { TargetUserName: name } },
    });
    expect(['root', 'ADM_bob', 'bob'].map((name) => admins?.matches(logon(name)))).toEqual([
      true,
      true,
      false,
    ]);
    await expect(loadKlaxonConfig(configFile('sigma_placeholders:\n  Administrators: []\n'))).rejects.toThrow(
      /sigma_placeholders\.Administrators: expected a non-empty list of text values/,
    );
  });
});
