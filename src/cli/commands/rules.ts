import type { Command } from 'commander';
import { BUILTIN_RULES_DIR, loadRules } from '../../app/index.ts';
import { checkRules } from '../../rules/index.ts';
import type { Io } from '../io.ts';
import { collect } from '../options.ts';

export function registerRules(program: Command, io: Io): void {
  const rules = program.command('rules').description('check and list detection rules');
  rules
    .command('check')
    .description('validate rule files; every mistake is named with file, line and field')
    .argument('[paths...]', 'rule files or folders; default: the shipped rule pack')
    .option(
      '--sigma <path>',
      'Sigma rule file or folder (repeatable): says how many of its rules load and why the others do not',
      collect,
    )
    .action(async (paths: string[], flags: { sigma?: string[] }) => {
      const named = [...paths, ...(flags.sigma ?? [])];
      const report = await checkRules(named.length > 0 ? named : [BUILTIN_RULES_DIR]);
      if (report.ok) {
        io.out(report.text);
      } else {
        io.err(report.text);
        process.exitCode = 1;
      }
    });
  rules
    .command('list')
    .description('list rules with their type, priority inputs and ATT&CK techniques')
    .argument('[paths...]', 'rule files or folders; default: the shipped rule pack')
    .action(async (paths: string[]) => {
      for (const rule of await loadRules(paths)) {
        const state = rule.enabled ? '' : ' (disabled)';
        io.out(
          `${rule.id.padEnd(36)} ${rule.type.padEnd(11)} ${rule.severity}/${rule.confidence}  ${rule.attack.join(',')}${state}`,
        );
      }
    });
}
