import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../support/memory-logger.ts';
import { loadKlaxonConfig } from '../../src/app/load-config.ts';
import { reloadFromFile } from '../../src/app/live/reload-from-file.ts';
import type { LiveDaemon } from '../../src/app/live/start-live.ts';
import { startLive } from '../../src/app/live/start-live.ts';

const rule = (id: string, where: string) =>
  `id: ${id}\ntitle: ${id}\ntype: match\nwhere:\n  ${where}\nseverity: low\n`;

describe('a SIGHUP reload that refuses a file', () => {
  let dir: string;
  let configFile: string;
  let ruleFile: string;
  let live: LiveDaemon | undefined;
  const logged: string[] = [];
  const log = (line: string) => logged.push(line);
  const memory = createMemoryLogger();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'klaxon-reload-'));
    configFile = join(dir, 'klaxon.yaml');
    ruleFile = join(dir, 'rules.yml');
    writeFileSync(ruleFile, rule('root-login', 'user.name: root'));
    writeFileSync(
      configFile,
      `store: sqlite:${join(dir, 'klaxon.db')}\nbuiltin_rules: false\nrules: [${ruleFile}]\n`,
    );
    logged.length = 0;
    live = await startLive({
      config: await loadKlaxonConfig(configFile),
      listen: { host: '127.0.0.1', port: 0 },
      logger: memory.logger,
    });
  });
  afterEach(async () => {
    await live?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const ruleIds = () => live?.rules().map((running) => running.id);

  it('names the file, line, column and field of each mistake, and keeps the running rules', async () => {
    writeFileSync(ruleFile, rule('root-login', "user.name|re: '(r)\\1'"));
    expect(await reloadFromFile(live as LiveDaemon, configFile, log)).toBe(false);
    expect(logged).toEqual([
      `klaxon: reload refused, keeping the running configuration: ${ruleFile}:5:17: where.user.name|re: invalid regular expression: backreference \`\\1\` is not supported (linear-time RE2 syntax)`,
    ]);
    expect(ruleIds()).toEqual(['root-login']);
  });

  it('names the file and line of an alias bomb in a rule file or in klaxon.yaml', async () => {
    const bomb = ['x0: &x0 [a, a, a, a, a, a, a, a, a, a]'];
    for (let i = 1; i <= 6; i++)
      bomb.push(
        `x${i}: &x${i} [${Array(10)
          .fill(`*x${i - 1}`)
          .join(', ')}]`,
      );
    writeFileSync(ruleFile, `${rule('root-login', 'user.name: root')}${bomb.join('\n')}\n`);
    expect(await reloadFromFile(live as LiveDaemon, configFile, log)).toBe(false);
    writeFileSync(configFile, `store: sqlite:${join(dir, 'klaxon.db')}\n${bomb.join('\n')}\n`);
    expect(await reloadFromFile(live as LiveDaemon, configFile, log)).toBe(false);
    expect(logged).toEqual([
      expect.stringMatching(
        new RegExp(`^klaxon: reload refused, .*: ${ruleFile}:10:\\d+: YAML: aliases expand`),
      ),
      expect.stringMatching(
        new RegExp(`^klaxon: reload refused, .*: ${configFile}:5:\\d+: YAML: aliases expand`),
      ),
    ]);
    expect(ruleIds()).toEqual(['root-login']);
  });

  it('swaps in the rules once the file is fixed', async () => {
    writeFileSync(ruleFile, rule('admin-login', "user.name|re: '^(?i)admin'"));
    expect(await reloadFromFile(live as LiveDaemon, configFile, log)).toBe(true);
    expect(ruleIds()).toEqual(['admin-login']);
    expect(logged).toEqual([]);
    expect(memory.lines).toContain('reloaded rules and routes');
  });
});
