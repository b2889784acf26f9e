import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, requestedCommand } from './command-catalog.ts';
import { main } from './main.ts';

const quiet = { out: () => {}, err: () => {} };

describe('the command catalog', () => {
  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))(
    '%s: the help line repeats what the module registers',
    async (name, entry) => {
      const program = new Command('klaxon');
      (await entry.load())(program, quiet);
      const registered = program.commands.find((command) => command.name() === name);
      expect(registered?.description()).toBe(entry.description);
      expect(new Help().subcommandTerm(registered!)).toBe(entry.term);
    },
  );

  it('finds the command to load, also behind help and after options', () => {
    expect(requestedCommand(['demo', '--seed', '3'])?.name).toBe('demo');
    expect(requestedCommand(['help', 'incidents'])?.name).toBe('incidents');
    expect(requestedCommand(['--help'])).toBeUndefined();
    expect(requestedCommand(['nonsense'])).toBeUndefined();
  });

  it('lists every command in the help, and shows the full help of one on request', async () => {
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: () => {} };
    expect(await main(['--help'], io)).toBe(0);
    for (const entry of COMMANDS) expect(out.join('\n')).toContain(`  ${entry.term} `);
    out.length = 0;
    expect(await main(['help', 'replay'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/Usage: klaxon replay \[options\] <files\.\.\.>[\s\S]*--format/);
  });
});
