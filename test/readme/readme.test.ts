import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-catalog.ts';
import { FORMAT_NAMES } from '../../src/parsers/format-names.ts';
import { runCli } from '../e2e/run-cli.ts';
import type { CodeBlock } from './readme-blocks.ts';
import { isRule, isWholeConfig, readmeBlocks, readmeCommands } from './readme-blocks.ts';

// Values of the right shape for the ${NAME}s the examples use (a .env beside the example supplies them).
const SAMPLE_ENV: Record<string, string> = {
  TELEGRAM_BOT_TOKEN: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
  TELEGRAM_CHAT_ID: '-1001234567890',
  SMTP_URL: 'smtps://klaxon:secret@mail.example.com',
  WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  HEALTHCHECK_URL: 'https://hc-ping.example.com/5d3c',
  ES_URL: 'https://es.example.com:9200',
  ES_API_KEY: 'VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==',
};

const blocks = readmeBlocks();
const configs = blocks.filter(isWholeConfig);
const rules = blocks.filter(isRule);
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder with the example as klaxon.yaml, its .env, and the README's rules in ./rules. */
function exampleFolder(block: CodeBlock): string {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-readme-'));
  folders.push(dir);
  writeFileSync(join(dir, 'klaxon.yaml'), block.text);
  const names = [...block.text.matchAll(/\$\{(\w+)\}/g)].map((match) => match[1] ?? '');
  const missing = names.filter((name) => !(name in SAMPLE_ENV));
  if (missing.length > 0) throw new Error(`add a sample value for ${missing.join(', ')} to SAMPLE_ENV`);
  writeFileSync(join(dir, '.env'), names.map((name) => `${name}=${SAMPLE_ENV[name]}\n`).join(''));
  mkdirSync(join(dir, 'rules'));
  for (const rule of rules) writeFileSync(join(dir, 'rules', `readme-${rule.line}.yml`), rule.text);
  return dir;
}

describe('the formats the README names', () => {
  it('are every --format value', () => {
    const listed = /`--format ([a-z0-9|-]+)`/.exec(
      readFileSync(new URL('../../README.md', import.meta.url), 'utf8'),
    );
    expect(listed?.[1]?.split('|')).toEqual([...FORMAT_NAMES]);
  });
});

describe('the examples of the README', () => {
  it('has whole klaxon.yaml examples and a rule example to check', () => {
    expect(configs.length).toBeGreaterThanOrEqual(2);
    expect(rules.length).toBeGreaterThanOrEqual(1);
  });

  it.each(configs.map((block) => [block.line, block] as const))(
    'the klaxon.yaml at README.md:%i passes config check',
    async (_line, block) => {
      const run = await runCli('config', 'check', '-c', join(exampleFolder(block), 'klaxon.yaml'));
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    },
  );

  it.each(rules.map((block) => [block.line, block] as const))(
    'the rule at README.md:%i passes rules check',
    async (_line, block) => {
      const run = await runCli(
        'rules',
        'check',
        join(exampleFolder(block), 'rules', `readme-${block.line}.yml`),
      );
      expect(run).toMatchObject({ code: 0, stdout: '1 rule OK' });
    },
  );
});

describe('the commands of the README', () => {
  const fullProgram = async () => {
    const program = new Command('klaxon');
    for (const entry of COMMANDS) (await entry.load())(program, { out: () => {}, err: () => {} });
    return program;
  };

  it('are checked for unknown commands and options', async () => {
    const program = await fullProgram();
    expect(commandProblems(program, ['incidents', 'lst'])).toEqual(['klaxon incidents has no command lst']);
    expect(commandProblems(program, ['deliver', '--wach'])).toEqual(['klaxon deliver has no option --wach']);
    expect(commandProblems(program, ['outbox', 'list', '|', 'retry', 'ID', '|', 'drop', 'ID'])).toEqual([]);
    expect(commandProblems(program, ['silence', 'add', '--for', '2h', '--by', 'bob'])).toEqual([]);
  });

  it('name commands and options klaxon has', async () => {
    const program = await fullProgram();
    const lines = readmeCommands(blocks);
    expect(lines.length).toBeGreaterThan(20);
    const problems = lines.flatMap(({ line, words }) =>
      commandProblems(program, words).map((problem) => `README.md:${line}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });
});

/** What in `words` the program does not know; `a | b` offers alternatives of the same parent. */
function commandProblems(program: Command, words: string[]): string[] {
  const problems: string[] = [];
  let command = program;
  let parent = program;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '|') {
      command = parent;
    } else if (word.startsWith('-')) {
      const flag = word.split('=')[0];
      const option = command.options.find((known) => known.long === flag || known.short === flag);
      if (option === undefined && flag !== '--help')
        problems.push(`klaxon ${command.name()} has no option ${flag}`);
      if (option && (option.required || option.optional) && !word.includes('=')) i++;
    } else {
      const sub = command.commands.find((known) => known.name() === word);
      if (sub) [parent, command] = [command, sub];
      else if (command.commands.length > 0) problems.push(`klaxon ${command.name()} has no command ${word}`);
    }
  }
  return problems;
}
